namespace Hybrid;

/// <summary>
/// Endpoint metadata on every endpoint a door mapped for an operation: which operation, which door,
/// and for the REST door which route. Read it from <c>Endpoint.Metadata</c> (middleware, tests, an
/// exposure inventory).
/// </summary>
public sealed class HybridEndpointMetadata
{
    private EndpointSettings? _settings;

    internal HybridEndpointMetadata(HybridOperation operation, DoorTraits traits, RestRoute? route)
    {
        Operation = operation;
        Traits = traits;
        Route = route;
    }

    /// <summary>The operation the endpoint runs.</summary>
    public HybridOperation Operation { get; }

    /// <summary>The door: <see cref="HybridDoors.Action"/> or <see cref="HybridDoors.Rest"/>.</summary>
    public string Door => Traits.Name;

    /// <summary>The REST route, or <see langword="null"/> on the action door.</summary>
    public RestRoute? Route { get; }

    internal DoorTraits Traits { get; }

    /// <summary>
    /// The endpoint's settings, once resolved from its final metadata (at start-up, or on its first
    /// request in a host that runs no startup filters); <see langword="null"/> before.
    /// </summary>
    internal EndpointSettings? Settings => Volatile.Read(ref _settings);

    /// <summary>Locks the endpoint's settings: the first resolution wins, and every reader sees that one.</summary>
    internal EndpointSettings Lock(EndpointSettings settings) =>
        Interlocked.CompareExchange(ref _settings, settings, null) ?? settings;

    /// <inheritdoc />
    public override string ToString() => Route is null ? $"{Door} {Operation.ActionId}" : $"{Door} {Route}";
}
