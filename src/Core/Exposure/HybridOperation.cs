namespace Hybrid;

/// <summary>
/// One exposed request type: its handler's response type, what it declares for each door, and the
/// endpoint metadata every endpoint of it carries. Every door's endpoints carry their operation as
/// metadata; what a door made of it (an action id, routes, a tool) is read through the door's package.
/// </summary>
public sealed class HybridOperation
{
    // Written once per door while the app maps it, before any request; read-only after start-up.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, object> _exposures = new(StringComparer.Ordinal);

    internal HybridOperation(
        Type requestType,
        Type responseType,
        Type handlerType,
        IReadOnlyList<IDoorDeclaration> declarations,
        IReadOnlyList<object> metadata,
        OperationConventions conventions)
    {
        RequestType = requestType;
        ResponseType = responseType;
        ItemType = HandlerScanner.ItemTypeOf(responseType);
        HandlerType = handlerType;
        Declarations = declarations;
        Metadata = metadata;
        Conventions = conventions;
    }

    /// <summary>The MediatR request type.</summary>
    public Type RequestType { get; }

    /// <summary>The handler's response type (<see cref="MediatR.Unit"/> when it returns nothing).</summary>
    public Type ResponseType { get; }

    /// <summary>
    /// The item type of a stream operation (<see cref="MediatR.IStreamRequest{TResponse}"/>, whose
    /// <see cref="ResponseType"/> is <see cref="IAsyncEnumerable{T}"/> of it), or <see langword="null"/>.
    /// </summary>
    public Type? ItemType { get; }

    /// <summary>True for a stream operation: its doors answer it as an event stream (docs/streaming.md).</summary>
    public bool IsStream => ItemType is not null;

    /// <summary>The type of the handler found for the request.</summary>
    public Type HandlerType { get; }

    /// <summary>The names of the doors the operation declares (by attributes or in code), ordinally sorted.</summary>
    public IReadOnlyList<string> DeclaredDoors => [.. Declarations.Select(d => d.Door).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>
    /// The endpoint metadata declared by attributes on the request type, then on its handler
    /// (<c>[Authorize]</c>, <c>[EnableRateLimiting]</c>, <c>[RequestSizeLimit]</c>, <c>[Tags]</c>...):
    /// every endpoint of the operation, on every door, carries it, in this order.
    /// </summary>
    public IReadOnlyList<object> Metadata { get; }

    /// <summary>
    /// The problems the operation declares (<see cref="ProducesProblemAttribute"/>, attributes then
    /// code), which its documents list beside those its doors can produce.
    /// </summary>
    public IReadOnlyList<ProducesProblemAttribute> Problems { get; internal init; } = [];

    /// <summary>True when the request has no result (<c>IRequest</c>, or <see cref="MediatR.Unit"/> as its result): answered with 204.</summary>
    public bool ReturnsNothing => ResponseType == typeof(MediatR.Unit);

    internal OperationConventions Conventions { get; }

    /// <summary>Every door declaration, attributes first, then code, for the doors to read.</summary>
    internal IReadOnlyList<IDoorDeclaration> Declarations { get; }

    /// <summary>What the door named <paramref name="door"/> declares for this operation, in order.</summary>
    internal IEnumerable<IDoorDeclaration> DeclarationsFor(string door) => Declarations.Where(d => d.Door == door);

    /// <summary>What the door named <paramref name="door"/> exposes of this operation, once that door was mapped; else <see langword="null"/>.</summary>
    internal object? ExposureOn(string door) => _exposures.GetValueOrDefault(door);

    /// <summary>Records what a door exposes of this operation, when the door reads the catalog (<see cref="DoorExposures"/>).</summary>
    internal void Expose(string door, object exposure) => _exposures[door] = exposure;

    /// <inheritdoc />
    public override string ToString() => RequestType.FullName ?? RequestType.Name;
}
