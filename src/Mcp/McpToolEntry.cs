using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ModelContextProtocol.Protocol;

namespace Hybrid.Mcp;

/// <summary>
/// One mapped tool: what the catalog says of it, the endpoint that carries its settings (mapped so
/// routing never matches it: a tool is called through the door's one transport endpoint), the
/// pipeline that runs it, and the tool as agents see it once the schemas are written.
/// </summary>
internal sealed class McpToolEntry(McpToolInfo info, HybridEndpointMetadata hybrid, IDoorEndpoint endpoint)
{
    private Endpoint? _routeEndpoint;

    public McpToolInfo Info { get; } = info;

    public string Name => Info.Name;

    public HybridOperation Operation => Info.Operation;

    /// <summary>The metadata on the tool's endpoint: its settings, once the start-up check resolved them.</summary>
    public HybridEndpointMetadata Hybrid { get; } = hybrid;

    /// <summary>The door's pipeline for this tool (built on its first call).</summary>
    public IDoorEndpoint Endpoint { get; } = endpoint;

    /// <summary>The tool as <c>tools/list</c> sends it; set once every tool's schemas are written.</summary>
    public Tool? Protocol { get; set; }

    /// <summary>The tool's endpoint with its final metadata, found among the app's endpoints on first use.</summary>
    public Endpoint RouteEndpoint(EndpointDataSource endpoints)
    {
        if (Volatile.Read(ref _routeEndpoint) is { } found)
        {
            return found;
        }

        foreach (var candidate in endpoints.Endpoints)
        {
            if (ReferenceEquals(candidate.Metadata.GetMetadata<HybridEndpointMetadata>(), Hybrid))
            {
                Volatile.Write(ref _routeEndpoint, candidate);
                return candidate;
            }
        }

        throw new InvalidOperationException($"The MCP tool '{Name}' has no endpoint among the app's endpoints. Map the door on the app's own route builder (app.MapHybridMcp()).");
    }
}
