using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hybrid;

/// <summary>
/// What every door's endpoint for one operation holds, prepared at start-up: the typed invoker,
/// the app's JSON metadata for the request and response, and the rejection path. A door derives
/// from it and translates HTTP in and out; its <see cref="HandleAsync"/> is the endpoint's
/// precompiled <see cref="RequestDelegate"/>.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The handler's response type.</typeparam>
internal abstract class DoorEndpoint<TRequest, TResponse> : IDoorEndpoint
    where TRequest : class, IRequest<TResponse>
{
    private readonly ILogger _logger;
    private readonly string _door;

    protected DoorEndpoint(HybridOperation operation, OperationCatalog catalog, IServiceProvider services, string door)
    {
        var loggers = services.GetRequiredService<ILoggerFactory>();
        Shape = catalog.ShapeOf(operation);
        Invoker = new OperationInvoker<TRequest, TResponse>(operation, Shape, loggers);
        RequestInfo = (JsonTypeInfo<TRequest>)catalog.Json.GetTypeInfo(typeof(TRequest));
        ResponseInfo = (JsonTypeInfo<TResponse>)catalog.Json.GetTypeInfo(typeof(TResponse));
        _logger = loggers.CreateLogger("Hybrid.Doors");
        _door = door;
    }

    protected RequestShape Shape { get; }

    protected OperationInvoker<TRequest, TResponse> Invoker { get; }

    protected JsonTypeInfo<TRequest> RequestInfo { get; }

    protected JsonTypeInfo<TResponse> ResponseInfo { get; }

    protected string Door => _door;

    public abstract Task HandleAsync(HttpContext context);

    /// <summary>Refuses a request before the handler, with a problem; logged at debug level only, since clients control it.</summary>
    protected Task RejectAsync(HttpContext context, OperationProblem problem)
    {
        Log.Rejected(_logger, _door, problem.Status, problem.Code);
        return ProblemWriter.WriteAsync(context, problem);
    }

    /// <summary>
    /// True for what reading a body throws when the client sent something unreadable: bad JSON, a body
    /// over the limit, malformed framing, a malformed or truncated form. Not when the client went away.
    /// </summary>
    protected static bool IsUnreadableBody(Exception exception, HttpContext context) =>
        exception is JsonException or BadHttpRequestException or InvalidDataException ||
        (exception is IOException && !context.RequestAborted.IsCancellationRequested);

    /// <summary>The problem for a body over the endpoint's limit.</summary>
    protected static OperationProblem PayloadTooLarge() =>
        OperationProblem.Create(413, ProblemCodes.PayloadTooLarge, "The request body is larger than this endpoint accepts.");

    /// <summary>The problem for an exception <see cref="IsUnreadableBody"/> accepted.</summary>
    protected static OperationProblem UnreadableBody(Exception exception) => exception switch
    {
        JsonException json => OperationProblem.InvalidJson(json.Path),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => PayloadTooLarge(),
        _ => OperationProblem.Create(400, ProblemCodes.BadRequest, "The request body could not be read."),
    };
}
