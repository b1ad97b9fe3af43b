namespace Hybrid.Mcp;

/// <summary>
/// Makes a request type that is only an MCP tool (<see cref="McpToolAttribute"/>, no action and no
/// route) an operation of the catalog, as <c>options.Expose&lt;T&gt;()</c> with no door would: the
/// catalog's checks (a handler, a result type, members a door can bind) then apply to it as to any
/// other. A type that is on another door too is declared already and gains nothing here.
/// </summary>
internal static class McpToolDeclarations
{
    public static void Declare(HybridOptions options)
    {
        foreach (var type in options.Assemblies.Distinct().SelectMany(HandlerScanner.LoadableTypes))
        {
            if (type.IsDefined(typeof(McpToolAttribute), inherit: false))
            {
                options.CodeDeclarations.TryAdd(type, new OperationDeclaration(type));
            }
        }
    }
}
