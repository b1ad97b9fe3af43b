using System.Text.Json.Serialization.Metadata;
using Hybrid.Http.Idempotency;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hybrid.Http;

/// <summary>
/// One REST route, composed of parts made once with the endpoint, each serving one of the door's
/// stages: the origin check (where cookies are a credential, a cross-site write is refused) before
/// everything, <see cref="RestGuards"/> before binding, <see cref="RestValueBinder{TRequest}"/> for the
/// query, header and route values, <see cref="RestPreconditions"/> for <c>If-Match</c>, and
/// <see cref="RestResponder{TRequest, TResponse}"/> for every answer. What stays here makes the
/// request object: the JSON body (POST/PUT/PATCH), a multipart form for a request type with
/// <see cref="HybridFile"/> members (fields bound as the action door binds them), or nothing
/// (GET/DELETE). A body that names a route- or header-bound member is refused rather than
/// overwritten, so no client comes to rely on which one wins.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The handler's response type.</typeparam>
internal sealed class RestEndpoint<TRequest, TResponse> : DoorEndpoint<TRequest, TResponse>
    where TRequest : class
{
    private readonly RestValueBinder<TRequest> _values;
    private readonly RestPreconditions _preconditions;
    private readonly RestResponder<TRequest, TResponse> _responder;
    private readonly JsonTypeInfo<TRequest> _bodyInfo;
    private readonly bool _readsBody;
    private readonly bool _takesFiles;
    private readonly Func<TRequest>? _create;
    // A browser sends its cookies cross-site: when they are a credential here, a write needs the same proof as an action.
    private static readonly OperationProblem CrossSite = OperationProblem.Create(403, ProblemCodes.CrossSiteRequest, "This API accepts cookies, so its writes only accept requests from the app's own pages.");

    private readonly CrossSiteCheck _crossSite;
    private readonly RawRequestMembers? _raw;
    private readonly RestGuards _guards;

    public RestEndpoint(HybridEndpointMetadata endpoint, OperationCatalog catalog, IServiceProvider services, string versionPrefix, Lazy<IIdempotencyStore> idempotency)
        : base(endpoint, catalog, services)
    {
        var route = endpoint.Route!;
        var binding = RestBinding.For(Shape, route);
        _values = new RestValueBinder<TRequest>(binding, Json);
        _readsBody = !route.BindsQuery;
        _takesFiles = _readsBody && FileMembers.Any(Shape);
        _bodyInfo = _readsBody ? RestBodyJson.For(catalog.ReadingJson, binding, RequestInfo) : RequestInfo;
        _responder = new RestResponder<TRequest, TResponse>(Operation, route, versionPrefix, Shape, Json, ResponseInfo);
        _crossSite = new CrossSiteCheck(services.GetRequiredService<IOptions<HybridOptions>>().Value.TrustedOrigins);
        _guards = new RestGuards(Operation, route, services, idempotency.Value);
        _preconditions = new RestPreconditions(route, catalog, services);
        _raw = _readsBody ? RawRequestMembers.For(typeof(TRequest)) : null;
        var constructor = typeof(TRequest).GetConstructor(Type.EmptyTypes);
        if (constructor is not null)
        {
            _create = System.Linq.Expressions.Expression.Lambda<Func<TRequest>>(System.Linq.Expressions.Expression.New(constructor)).Compile();
        }
    }

    /// <summary>
    /// The origin check first, the cheapest refusal: a cross-site write is refused before any guard
    /// buffers its body, verifies a webhook or claims its <c>Idempotency-Key</c>.
    /// </summary>
    protected override ValueTask<GuardEntry> EnterAsync(HttpContext context, EndpointSettings settings) =>
        settings.ChecksOrigin && _crossSite.IsCrossSite(context.Request)
            ? ValueTask.FromResult(GuardEntry.Refuse(CrossSite, "origin"))
            : _guards.EnterAsync(context, settings);

    protected override async ValueTask<Bound<TRequest>> BindAsync(HttpContext context)
    {
        var request = context.Request;
        var input = InputKind.None;
        if (_readsBody)
        {
            if (!ApplyBodyLimit(context))
            {
                return Bound<TRequest>.Refused(OperationProblem.PayloadTooLarge());
            }

            // Any declared media type is checked, an empty body's too: a cross-site HTML form with no fields must not get through.
            if (request.ContentType is not null || BodyDetection.HasBody(request))
            {
                if (_takesFiles && IsMultipart(request))
                {
                    input = InputKind.Form;
                }
                else if (!request.HasJsonContentType())
                {
                    return Bound<TRequest>.Refused(OperationProblem.UnsupportedMediaType(_takesFiles
                        ? "Send the body as multipart/form-data (or application/json, which carries no file)."
                        : "Send the body as application/json."));
                }
                else
                {
                    input = BodyDetection.HasBody(request) ? InputKind.Json : InputKind.None;
                }
            }
        }

        TRequest? argument;
        BindingErrors? errors;
        try
        {
            if (input == InputKind.Form)
            {
                (argument, errors) = await ReadFormAsync(context).ConfigureAwait(false);
                if (_values.FormNamesBoundMember(request.Form) is { } named)
                {
                    (errors ??= new BindingErrors()).Add(named.JsonName, $"The {named.JsonName} value comes from the URL or a header; the form must not name it.");
                }
            }
            else if (input == InputKind.Json)
            {
                (argument, errors) = await ReadJsonAsync(context, _bodyInfo).ConfigureAwait(false);
            }
            else if (_readsBody || _create is null)
            {
                // No body on a route that reads one is {}, as on the action door, so a missing C# required member is named.
                (argument, errors) = ReadEmpty(_bodyInfo);
            }
            else
            {
                (argument, errors) = (_create(), null);
            }
        }
        catch (InvalidDataException e) when (input == InputKind.Form && FormLimits.IsExceeded(e))
        {
            return Bound<TRequest>.Refused(FormLimits.Problem(), input);
        }
        catch (Exception e) when (IsUnreadableBody(e, context))
        {
            return Bound<TRequest>.Refused(UnreadableBody(e), input);
        }

        if (argument is not null && errors?.Refusal is null)
        {
            _raw?.Fill(argument, context);

            // The URL's, the query's and the headers' mistakes join the body's, in the same answer.
            errors = _values.BindValues(argument, request, errors);
        }

        return Finish(context, argument, errors, input);
    }

    /// <summary>A body naming a route- or header-bound member is a field error on that member, like any other mistake in the body.</summary>
    protected override OperationProblem ProblemOf(System.Text.Json.JsonException exception, System.Text.Json.Nodes.JsonObject? body) =>
        exception is MemberNotInBodyException e
            ? OperationProblem.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { [e.Member.JsonName] = [e.FieldMessage] })
            : base.ProblemOf(exception, body);

    private static bool IsMultipart(HttpRequest request) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type) &&
        type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    protected override ValueTask<OperationProblem?> CheckPreconditionsAsync(HttpContext context, Bound<TRequest> bound) =>
        _preconditions.CheckAsync(context);

    protected override Task RespondAsync(HttpContext context, Bound<TRequest> bound, Outcome<TResponse> outcome) =>
        _responder.RespondAsync(context, bound, outcome);
}
