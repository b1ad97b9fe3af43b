using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Hybrid.Http.Idempotency;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hybrid.Http;

/// <summary>
/// One REST route, composed from its settings when it is built. A route that reads a body: the
/// origin check where cookies are a credential (a browser sends them cross-site, so a write needs the
/// same proof as an action), then either the body limit, or, for a route that verifies webhooks, takes
/// an <c>Idempotency-Key</c> or fills a <see cref="HybridRawRequest"/>, the body read whole under it,
/// the webhook verified and the key claimed; then the media type and <see cref="RestBinder{TRequest}"/>.
/// A route that reads none binds at once. Then <c>If-Match</c> (<see cref="RestPreconditions"/>),
/// Core's handler and revalidation, and <see cref="RestResponder{TRequest, TResponse}"/> for every answer.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The handler's response type.</typeparam>
internal sealed class RestEndpoint<TRequest, TResponse> : IDoorEndpoint
    where TRequest : class
{
    private static readonly OperationProblem CrossSite = OperationProblem.Create(403, ProblemCodes.CrossSiteRequest, "This API accepts cookies, so its writes only accept requests from the app's own pages.");

    private readonly DoorEndpoint<TRequest, TResponse> _endpoint;

    public RestEndpoint(HybridEndpointMetadata endpoint, OperationCatalog catalog, IServiceProvider services, string versionPrefix, Lazy<IIdempotencyStore> idempotency)
    {
        var settings = services.GetRequiredService<EndpointSettingsStore>().ForBuild(endpoint);
        var operation = endpoint.Operation;
        var route = endpoint.Route!;
        var shape = catalog.ShapeOf(operation);
        var requestInfo = (JsonTypeInfo<TRequest>)catalog.ReadingJson.GetTypeInfo(typeof(TRequest));
        var loggers = services.GetRequiredService<ILoggerFactory>();
        var reader = new BodyReader<TRequest>(shape, requestInfo, catalog.Validators, settings.MaxFiles, loggers.CreateLogger("Hybrid.Doors"), endpoint.Door, (e, body) => ProblemOf(e, body, shape));
        var binding = RestBinding.For(shape, route);
        List<IHybridFilter> filters = [new RestBinder<TRequest>(reader, binding, catalog, requestInfo, settings.ReadsBody)];
        if (settings.ChecksOrigin)
        {
            filters.Add(new OriginCheck(services.GetRequiredService<IOptions<HybridOptions>>().Value.TrustedOrigins, CrossSite, guard: "origin"));
        }

        if (settings.ReadsBody)
        {
            if (settings.Webhook is not null || settings.Idempotent is not null || RawRequestMembers.For(typeof(TRequest)) is not null)
            {
                var logger = loggers.CreateLogger("Hybrid.Rest");
                filters.Add(new BodyBuffer(settings.BodyLimit));
                if (settings.Webhook is { } webhook)
                {
                    filters.Add(new WebhookCheck(webhook, services, logger, operation.RequestType.Name, route.StatusCode));
                }

                if (settings.Idempotent is { } idempotent)
                {
                    filters.Add(new IdempotentRetries(idempotency.Value, idempotent, logger, operation.RequestType.Name, route.EndpointName));
                }
            }
            else
            {
                filters.Add(new BodyLimitCheck(settings.BodyLimit));
            }

            filters.Add(new RestMediaType(FileMembers.Any(shape)));
        }

        if (RestPreconditions.For(route, catalog, services) is { } preconditions)
        {
            filters.Add(preconditions);
        }

        var responseInfo = (JsonTypeInfo<TResponse>)catalog.Json.GetTypeInfo(typeof(TResponse));
        var rest = new RestResponder<TRequest, TResponse>(operation, route, versionPrefix, shape, catalog.Json, responseInfo);
        var responder = StreamResponders.For(settings, rest, jsonLines: true, catalog, services, rest.ApplyRouteHeaders);
        _endpoint = new DoorEndpoint<TRequest, TResponse>(settings, filters, responder, catalog, services);
    }

    public HybridOperation Operation => _endpoint.Operation;

    /// <summary>The route's steps in order.</summary>
    public string Steps => _endpoint.Steps;

    public Task HandleAsync(HttpContext context) => _endpoint.HandleAsync(context);

    /// <summary>A body naming a route- or header-bound member is a field error on that member, like any other mistake in the body.</summary>
    private static OperationProblem ProblemOf(JsonException exception, JsonObject? body, RequestShape shape) =>
        exception is MemberNotInBodyException e
            ? OperationProblem.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { [e.Member.JsonName] = [e.FieldMessage] })
            : JsonBodyErrors.ToProblem(exception, shape, body);
}
