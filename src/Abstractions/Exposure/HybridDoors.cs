namespace Hybrid;

/// <summary>
/// The names of Hybrid's doors, as they appear in telemetry (<c>hybrid.door</c>), logs and
/// <c>HybridEndpointMetadata.Door</c>.
/// </summary>
public static class HybridDoors
{
    /// <summary>The action door: <c>POST /_actions/{id}</c>, for the app's own UI.</summary>
    public const string Action = "action";

    /// <summary>The REST door: versioned public routes.</summary>
    public const string Rest = "rest";

    /// <summary>The MCP door: the app's operations as Model Context Protocol tools for AI agents.</summary>
    public const string Mcp = "mcp";
}
