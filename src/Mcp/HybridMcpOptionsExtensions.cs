using Hybrid;
using Hybrid.Mcp;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Reaches the MCP door's options from <see cref="HybridOptions"/>. It lives beside <c>AddHybrid</c>,
/// so the options lambda in <c>Program.cs</c> needs no <c>using</c>.
/// </summary>
public static class HybridMcpOptionsExtensions
{
    /// <summary>
    /// The MCP door's options, e.g. <c>options.Mcp().Path = "/agents"</c> or
    /// <c>options.Mcp().AuthenticationSchemes.Add("Bearer")</c>; the same instance every time.
    /// </summary>
    /// <param name="options">Hybrid's options.</param>
    /// <returns>The MCP door's options.</returns>
    public static McpDoorOptions Mcp(this HybridOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Door<McpDoorOptions>();
    }
}
