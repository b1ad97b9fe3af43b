using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hybrid.Actions;

/// <summary>
/// One action, composed from its settings when it is built: the origin check (unless opted out),
/// the body limit, the media type (JSON, a form, or none), the antiforgery token when required, and
/// <see cref="ActionBinder{TRequest}"/>; then Core's handler and revalidation; then
/// <see cref="ActionResponder{TRequest, TResponse}"/> for every answer.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The handler's response type.</typeparam>
internal sealed class ActionEndpoint<TRequest, TResponse> : IDoorEndpoint
    where TRequest : class
{
    private readonly DoorEndpoint<TRequest, TResponse> _endpoint;

    public ActionEndpoint(HybridEndpointMetadata endpoint, OperationCatalog catalog, IServiceProvider services)
    {
        var settings = services.GetRequiredService<EndpointSettingsStore>().ForBuild(endpoint);
        var shape = catalog.ShapeOf(endpoint.Operation);
        var requestInfo = (JsonTypeInfo<TRequest>)catalog.ReadingJson.GetTypeInfo(typeof(TRequest));
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Hybrid.Doors");
        var reader = new BodyReader<TRequest>(shape, requestInfo, catalog.Validators, settings.MaxFiles, logger, endpoint.Door);
        List<IHybridFilter> filters = [new BodyLimitCheck(settings.BodyLimit), ActionMediaType.Instance, new ActionBinder<TRequest>(reader, requestInfo)];
        if (settings.ChecksOrigin)
        {
            var trusted = services.GetRequiredService<IOptions<HybridOptions>>().Value.TrustedOrigins;
            filters.Add(new OriginCheck(trusted, OperationProblem.Create(403, ProblemCodes.CrossSiteRequest, "Actions only accept requests from the app's own pages."), guard: null));
        }

        if (settings.RequiresAntiforgeryToken)
        {
            filters.Add(new AntiforgeryCheck(services));
        }

        var responseInfo = (JsonTypeInfo<TResponse>)catalog.Json.GetTypeInfo(typeof(TResponse));
        var responder = StreamResponders.For(settings, new ActionResponder<TRequest, TResponse>(endpoint.Operation, shape, responseInfo, FormStateCookie.From(services)), jsonLines: false, catalog, services);
        _endpoint = new DoorEndpoint<TRequest, TResponse>(settings, filters, responder, catalog, services);
    }

    public HybridOperation Operation => _endpoint.Operation;

    /// <summary>The action's steps in order.</summary>
    public string Steps => _endpoint.Steps;

    public Task HandleAsync(HttpContext context) => _endpoint.HandleAsync(context);
}
