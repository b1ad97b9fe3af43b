using Hybrid;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The MCP door's declarations in code, on <c>options.Expose&lt;T&gt;(op =&gt; ...)</c>. They live beside
/// <c>AddHybrid</c>, so the options lambda in <c>Program.cs</c> needs no <c>using</c>.
/// </summary>
public static class HybridMcpOperationBuilderExtensions
{
    /// <summary>Exposes the request as an MCP tool, as <see cref="McpToolAttribute"/> does; code wins where both name a value.</summary>
    /// <typeparam name="TRequest">The request type.</typeparam>
    /// <param name="operation">The operation's builder.</param>
    /// <param name="name">The tool's name; <see langword="null"/> for the request type's name (or the attribute's).</param>
    /// <param name="title">A short human-readable title.</param>
    /// <returns>The builder.</returns>
    public static OperationBuilder<TRequest> AsMcpTool<TRequest>(this OperationBuilder<TRequest> operation, string? name = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.Declare(new McpToolAttribute { Name = name, Title = title });
    }

    /// <summary>
    /// Exposes the request as an MCP tool under its type's name (or the name <c>[McpTool]</c> or
    /// <see cref="AsMcpTool"/> gives it) and returns the conventions for its tool only, e.g.
    /// <c>op.Mcp().RequireAuthorization("agents")</c>: the opt-in in code, as <c>[McpTool]</c> is by attribute.
    /// </summary>
    /// <typeparam name="TRequest">The request type.</typeparam>
    /// <param name="operation">The operation's builder.</param>
    /// <returns>A convention builder for the operation's tool.</returns>
    public static DoorConventionBuilder Mcp<TRequest>(this OperationBuilder<TRequest> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);

        // A declaration with no name or title: the door merges it with the others, so it names nothing over them.
        operation.Declare(new McpToolAttribute());
        return operation.On(HybridDoors.Mcp);
    }
}
