using Microsoft.AspNetCore.Http;

namespace Hybrid.Mcp;

/// <summary>
/// The behaviour hints an agent reads before it calls a tool (MCP's tool annotations), derived from
/// how the app exposes the operation, so they cannot drift from what its doors do:
/// <list type="bullet">
/// <item><c>readOnlyHint</c>: some door serves the operation with <c>GET</c>, which HTTP requires to be safe.</item>
/// <item><c>destructiveHint</c>: not read-only, and some door serves it with <c>DELETE</c>.</item>
/// <item><c>idempotentHint</c>: read-only, or served with <c>PUT</c> or <c>DELETE</c>, or declared <c>[Idempotent]</c>.</item>
/// </list>
/// A value stated on <see cref="McpToolAttribute"/> replaces the derived one. The three are always
/// written: MCP's defaults (a tool is destructive unless it says otherwise) are not Hybrid's rule.
/// </summary>
/// <param name="ReadOnly">Whether the tool does not change its environment.</param>
/// <param name="Destructive">Whether the tool may destroy or overwrite data.</param>
/// <param name="Idempotent">Whether a second call with the same arguments changes nothing more.</param>
internal sealed record McpToolHints(bool ReadOnly, bool Destructive, bool Idempotent)
{
    /// <summary>The hints of a tool whose operation the app's doors serve with <paramref name="methods"/>.</summary>
    public static McpToolHints Of(McpToolInfo tool, IReadOnlySet<string> methods)
    {
        var declared = tool.Declared;
        var readOnly = declared.ReadOnlyHint ?? methods.Contains(HttpMethods.Get);
        var destructive = declared.DestructiveHint ?? (!readOnly && methods.Contains(HttpMethods.Delete));
        var idempotent = declared.IdempotentHint ??
            (readOnly || methods.Contains(HttpMethods.Put) || methods.Contains(HttpMethods.Delete) || tool.Operation.Metadata.OfType<IdempotentAttribute>().Any());
        return new McpToolHints(readOnly, destructive, idempotent);
    }
}
