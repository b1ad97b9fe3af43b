namespace Hybrid;

/// <summary>
/// Endpoint metadata on every endpoint a door mapped for an operation: which operation, which door,
/// and for the REST door which route. Read it from <c>Endpoint.Metadata</c> (middleware, tests, an
/// exposure inventory).
/// </summary>
public sealed class HybridEndpointMetadata
{
    internal HybridEndpointMetadata(HybridOperation operation, string door, RestRoute? route)
    {
        Operation = operation;
        Door = door;
        Route = route;
    }

    /// <summary>The operation the endpoint runs.</summary>
    public HybridOperation Operation { get; }

    /// <summary>The door: <see cref="HybridDoors.Action"/> or <see cref="HybridDoors.Rest"/>.</summary>
    public string Door { get; }

    /// <summary>The REST route, or <see langword="null"/> on the action door.</summary>
    public RestRoute? Route { get; }

    /// <inheritdoc />
    public override string ToString() => Route is null ? $"{Door} {Operation.ActionId}" : $"{Door} {Route}";
}
