namespace Hybrid;

/// <summary>
/// Endpoint metadata on every endpoint a door mapped for an operation: which operation, which door,
/// and what of the door's exposure it serves (a REST route, an action id, a tool). Read it from
/// <c>Endpoint.Metadata</c> (middleware, tests, an exposure inventory); each door's package reads its
/// own exposure from it (the REST door's <c>Route</c>).
/// </summary>
public sealed class HybridEndpointMetadata
{
    private EndpointSettings? _settings;

    internal HybridEndpointMetadata(HybridOperation operation, DoorTraits traits, string method, object exposure, string display)
    {
        Operation = operation;
        Traits = traits;
        Method = method;
        Exposure = exposure;
        Display = display;
    }

    /// <summary>The operation the endpoint runs.</summary>
    public HybridOperation Operation { get; }

    /// <summary>The door's name, as in telemetry's <c>hybrid.door</c> (<see cref="HybridDoors"/>).</summary>
    public string Door => Traits.Name;

    /// <summary>The HTTP method the endpoint answers (its GETs answer HEAD too).</summary>
    public string Method { get; }

    /// <summary>What the endpoint serves, in its door's words: <c>POST _actions/CreatePost</c>, <c>GET v1/posts/{postId}</c>.</summary>
    public string Display { get; }

    /// <summary>Whether the endpoint reads a request body: a door's GET and DELETE read none.</summary>
    internal bool ReadsBody { get; init; } = true;

    /// <summary>What of its door's exposure the endpoint serves (the door's own type: a route, an action).</summary>
    internal object Exposure { get; }

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
    public override string ToString() => $"{Door} {Display}";
}
