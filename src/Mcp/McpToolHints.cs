namespace Hybrid.Mcp;

/// <summary>
/// The behaviour hints an agent reads before it calls a tool (MCP's tool annotations), derived from
/// what the operation already declares so they cannot drift from what its doors do:
/// <list type="bullet">
/// <item><c>readOnlyHint</c>: every REST route of the operation is a <c>GET</c>.</item>
/// <item><c>destructiveHint</c>: not read-only, and a REST route is a <c>DELETE</c>.</item>
/// <item><c>idempotentHint</c>: read-only, or a REST route is a <c>PUT</c> or <c>DELETE</c>, or the operation is <c>[Idempotent]</c>.</item>
/// </list>
/// A value set on <see cref="McpToolAttribute"/> replaces the derived one. The three are always
/// written: MCP's defaults (a tool is destructive unless it says otherwise) are not Hybrid's rule.
/// </summary>
/// <param name="ReadOnly">Whether the tool does not change its environment.</param>
/// <param name="Destructive">Whether the tool may destroy or overwrite data.</param>
/// <param name="Idempotent">Whether a second call with the same arguments changes nothing more.</param>
internal sealed record McpToolHints(bool ReadOnly, bool Destructive, bool Idempotent)
{
    public static McpToolHints Of(HybridOperation operation, McpToolAttribute declared)
    {
        var routes = operation.Routes;
        var readOnly = declared.ReadOnlyHint ?? (routes.Count > 0 && routes.All(r => r.Method == "GET"));
        var destructive = declared.DestructiveHint ?? (!readOnly && routes.Any(r => r.Method == "DELETE"));
        var idempotent = declared.IdempotentHint ?? (readOnly || routes.Any(r => r.Method is "PUT" or "DELETE") || operation.Metadata.OfType<IdempotentAttribute>().Any());
        return new McpToolHints(readOnly, destructive, idempotent);
    }
}
