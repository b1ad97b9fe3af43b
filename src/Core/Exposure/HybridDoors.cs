namespace Hybrid;

/// <summary>
/// The names of Hybrid's two doors, as they appear in telemetry (<c>hybrid.door</c>), logs and
/// <see cref="HybridEndpointMetadata.Door"/>.
/// </summary>
public static class HybridDoors
{
    /// <summary>The action door: <c>POST /_actions/{id}</c>, for the app's own UI.</summary>
    public const string Action = "action";

    /// <summary>The REST door: versioned public routes.</summary>
    public const string Rest = "rest";
}
