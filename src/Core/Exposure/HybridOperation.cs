namespace Hybrid;

/// <summary>
/// One exposed request type: its handler's response type, how each door exposes it, and the
/// endpoint metadata every endpoint of it carries. Endpoints of both doors carry their operation
/// as metadata.
/// </summary>
public sealed class HybridOperation
{
    internal HybridOperation(
        Type requestType,
        Type responseType,
        Type handlerType,
        string? actionId,
        string? summary,
        IReadOnlyList<RestRoute> routes,
        IReadOnlyList<object> metadata,
        OperationConventions conventions)
    {
        RequestType = requestType;
        ResponseType = responseType;
        HandlerType = handlerType;
        ActionId = actionId;
        Summary = summary;
        Routes = routes;
        Metadata = metadata;
        Conventions = conventions;
    }

    /// <summary>The MediatR request type.</summary>
    public Type RequestType { get; }

    /// <summary>The handler's response type (<see cref="MediatR.Unit"/> when it returns nothing).</summary>
    public Type ResponseType { get; }

    /// <summary>The type of the handler found for the request.</summary>
    public Type HandlerType { get; }

    /// <summary>The action id, or <see langword="null"/> when the operation is not on the action door.</summary>
    public string? ActionId { get; }

    /// <summary>The one-line summary for the actions document, if declared.</summary>
    public string? Summary { get; }

    /// <summary>The REST routes, empty when the operation is not on the REST door.</summary>
    public IReadOnlyList<RestRoute> Routes { get; }

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

    /// <inheritdoc />
    public override string ToString() => RequestType.FullName ?? RequestType.Name;
}
