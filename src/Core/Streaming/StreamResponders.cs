using Microsoft.AspNetCore.Http;

namespace Hybrid;

/// <summary>How a door gives a stream operation its responder: the door's own one keeps answering refusals.</summary>
internal static class StreamResponders
{
    /// <summary>
    /// <paramref name="responder"/> itself for an operation answered once; for a stream operation, a
    /// <see cref="StreamResponder{TRequest, TItem}"/> around it, which sets <paramref name="headers"/>
    /// (the door's own headers of every answer) on a stream's 200 too.
    /// </summary>
    public static IDoorResponder<TRequest, TResponse> For<TRequest, TResponse>(EndpointSettings settings, IDoorResponder<TRequest, TResponse> responder, bool jsonLines, OperationCatalog catalog, IServiceProvider services, Action<HttpContext>? headers = null)
        where TRequest : class =>
        settings.Operation.ItemType is { } item
            ? (IDoorResponder<TRequest, TResponse>)Activator.CreateInstance(typeof(StreamResponder<,>).MakeGenericType(typeof(TRequest), item), settings, responder, jsonLines, catalog, services, headers)!
            : responder;

    /// <summary>
    /// What an endpoint of <paramref name="operation"/> answers with success, for ASP.NET Core's API
    /// description: JSON (or 204 for no result), or a stream's item in its formats.
    /// </summary>
    public static ProducesResponseTypeMetadata Produces(HybridOperation operation, int status, bool jsonLines) =>
        operation.ItemType is { } item ? new(StatusCodes.Status200OK, item, jsonLines ? [StreamFormats.EventStream, StreamFormats.JsonLines] : [StreamFormats.EventStream])
        : operation.ReturnsNothing ? new(status, null, null)
        : new(status, operation.ResponseType, ["application/json"]);
}
