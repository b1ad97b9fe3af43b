using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Hybrid.Http;

/// <summary>
/// One REST route. Binding: the JSON body (POST/PUT/PATCH), a multipart form for a request type
/// with <see cref="HybridFile"/> members (fields bound as the action door binds them), or nothing
/// (GET/DELETE) makes the request object, then query values (GET/DELETE), <c>[FromHeader]</c>
/// headers and route values set their properties. A body that names a route- or header-bound
/// member is refused rather than overwritten, and a single-valued parameter given twice is refused
/// rather than read as its first or last value: two readers of one request (a proxy, a cache, the
/// app) must never see different values. Responding (one place): a problem, or the route's status
/// with <c>Location</c> for 201 and the JSON value unless 204.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The handler's response type.</typeparam>
internal sealed class RestEndpoint<TRequest, TResponse> : DoorEndpoint<TRequest, TResponse>
    where TRequest : class, IRequest<TResponse>
{
    private readonly MemberBinder<TRequest>[] _routeBinders;
    private readonly MemberBinder<TRequest>[] _queryBinders;
    private readonly bool[] _queryRequired;
    private readonly MemberBinder<TRequest>[] _headerBinders;
    private readonly string[] _headerNames;
    private readonly RequestMember[] _notInBody;
    private readonly JsonTypeInfo<TRequest> _bodyInfo;
    private readonly string[] _routeNames;
    private readonly bool _readsBody;
    private readonly bool _takesFiles;
    private readonly int _status;
    private readonly LocationTemplate<TRequest, TResponse>? _location;
    private readonly Func<TRequest>? _create;
    private readonly bool _tagsReads;
    private readonly Func<TResponse, object?>? _version;
    private readonly DeprecationHeaders? _deprecation;
    private readonly Lazy<IResourceVersionReader>? _versionReader;
    private readonly CrossSiteCheck _crossSite;
    private readonly RawRequestMembers? _raw;
    private readonly RestGuards _guards;

    public RestEndpoint(HybridEndpointMetadata endpoint, OperationCatalog catalog, IServiceProvider services, string versionPrefix)
        : base(endpoint, catalog, services)
    {
        var operation = endpoint.Operation;
        var route = endpoint.Route!;
        var binding = RestBinding.For(Shape, route);
        _routeBinders = [.. binding.Route.Select(p => MemberBinder<TRequest>.Create(p.Member, Json))];
        _queryBinders = [.. binding.Query.Select(m => MemberBinder<TRequest>.Create(m, Json))];
        _queryRequired = [.. binding.Query.Select(m => m.IsRequiredInJson)];
        _routeNames = [.. binding.Route.Select(p => p.RouteName)];
        _headerBinders = [.. binding.Header.Select(h => MemberBinder<TRequest>.Create(h.Member, Json))];
        _headerNames = [.. binding.Header.Select(h => h.HeaderName)];
        _notInBody = [.. binding.NotInBody];
        _readsBody = !route.BindsQuery;
        _takesFiles = _readsBody && FileMembers.Any(Shape);
        _bodyInfo = _readsBody ? RestBodyJson.For(catalog.ReadingJson, binding, RequestInfo) : RequestInfo;
        _status = route.StatusCode;
        if (route.Location is not null)
        {
            _location = new LocationTemplate<TRequest, TResponse>(versionPrefix + "/", route.Location, Shape, RequestShape.For(typeof(TResponse), Json));
        }

        _crossSite = new CrossSiteCheck(services.GetRequiredService<IOptions<HybridOptions>>().Value.TrustedOrigins);
        _guards = new RestGuards(operation, route, services);

        _tagsReads = route.Method == "GET" && !operation.ReturnsNothing && _status != StatusCodes.Status204NoContent;
        if (ResourceVersions.MemberOf(typeof(TResponse)) is { } versionMember)
        {
            _version = value => versionMember.GetValue(value);
        }

        if (route.Deprecation is { } deprecation)
        {
            _deprecation = new DeprecationHeaders(deprecation, versionPrefix[..versionPrefix.LastIndexOf('/')]);
        }

        if (ResourceVersions.ReaderFor(catalog, route) is { } reader)
        {
            // Made on the first conditional write: the read operation's binders cost nothing until then.
            _versionReader = new Lazy<IResourceVersionReader>(() => (IResourceVersionReader)Activator.CreateInstance(
                typeof(ResourceVersionReader<,>).MakeGenericType(reader.Operation.RequestType, reader.Operation.ResponseType),
                reader.Operation, reader.Route, route, catalog, services)!);
        }

        _raw = _readsBody ? RawRequestMembers.For(typeof(TRequest)) : null;
        var constructor = typeof(TRequest).GetConstructor(Type.EmptyTypes);
        if (constructor is not null)
        {
            _create = System.Linq.Expressions.Expression.Lambda<Func<TRequest>>(System.Linq.Expressions.Expression.New(constructor)).Compile();
        }
    }

    protected override ValueTask<GuardEntry> EnterAsync(HttpContext context, EndpointSettings settings) => _guards.EnterAsync(context, settings);

    protected override async ValueTask<Bound<TRequest>> BindAsync(HttpContext context)
    {
        var request = context.Request;
        if (Settings.ChecksOrigin && _crossSite.IsCrossSite(request))
        {
            // A browser sends its cookies cross-site: when they are a credential here, a write needs the same proof as an action.
            return Bound<TRequest>.Refused(OperationProblem.Create(403, ProblemCodes.CrossSiteRequest, "This API accepts cookies, so its writes only accept requests from the app's own pages."));
        }

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
        try
        {
            if (input == InputKind.Form)
            {
                var form = await BindFormAsync(context).ConfigureAwait(false);
                if (form.Problem is not null)
                {
                    return form;
                }

                argument = form.Request;
                if (FormNamesBoundMember(request.Form) is { } named)
                {
                    return Bound<TRequest>.Refused(OperationProblem.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal)
                    {
                        [named.JsonName] = [$"The {named.JsonName} value comes from the URL or a header; the form must not name it."],
                    }), input);
                }
            }
            else
            {
                // No body on a route that reads one is {}, as on the action door, so a missing C# required member is named.
                argument = input == InputKind.Json
                    ? await request.ReadFromJsonAsync(_bodyInfo, context.RequestAborted).ConfigureAwait(false)
                    : _readsBody || _create is null ? EmptyBody.Create(_bodyInfo) : _create();
            }
        }
        catch (MemberNotInBodyException e)
        {
            return Bound<TRequest>.Refused(OperationProblem.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { [e.Member.JsonName] = [e.FieldMessage] }), input);
        }
        catch (InvalidDataException e) when (input == InputKind.Form && FormLimits.IsExceeded(e))
        {
            return Bound<TRequest>.Refused(FormLimits.Problem(), input);
        }
        catch (Exception e) when (IsUnreadableBody(e, context))
        {
            return Bound<TRequest>.Refused(UnreadableBody(e), input);
        }

        if (argument is null)
        {
            return Bound<TRequest>.Refused(OperationProblem.InvalidJson(null), input);
        }

        _raw?.Fill(argument, context);

        Dictionary<string, string[]>? errors = null;
        for (var i = 0; i < _queryBinders.Length; i++)
        {
            var binder = _queryBinders[i];
            if (request.Query.TryGetValue(binder.Name, out var values) && values.Count > 0)
            {
                if (Bind(binder, argument, values, "parameter", binder.Name) is { } error)
                {
                    (errors ??= new(StringComparer.Ordinal))[binder.Name] = [error];
                }
            }
            else if (_queryRequired[i])
            {
                (errors ??= new(StringComparer.Ordinal))[binder.Name] = [$"The {binder.Name} field is required."];
            }
        }

        for (var i = 0; i < _headerBinders.Length; i++)
        {
            var binder = _headerBinders[i];
            if (request.Headers.TryGetValue(_headerNames[i], out var values) && values.Count > 0)
            {
                if (Bind(binder, argument, values, "header", _headerNames[i]) is { } error)
                {
                    (errors ??= new(StringComparer.Ordinal))[_headerNames[i]] = [error];
                }
            }
            else if (binder.Member.IsRequiredInJson)
            {
                (errors ??= new(StringComparer.Ordinal))[_headerNames[i]] = [$"The {_headerNames[i]} header is required."];
            }
        }

        for (var i = 0; i < _routeBinders.Length; i++)
        {
            var text = Convert.ToString(request.RouteValues[_routeNames[i]], System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            if (!_routeBinders[i].TryBind(argument, text))
            {
                (errors ??= new(StringComparer.Ordinal))[_routeBinders[i].Name] = [_routeBinders[i].InvalidMessage];
            }
        }

        return errors is null
            ? new Bound<TRequest>(argument, null, input)
            : Bound<TRequest>.Refused(OperationProblem.Validation(errors), input);
    }

    /// <summary>Binds a query parameter's or a header's values; the field error when they do not fit the member.</summary>
    private static string? Bind(MemberBinder<TRequest> binder, TRequest argument, StringValues values, string kind, string name)
    {
        if (binder.TakesMany)
        {
            return binder.TryBindAll(argument, values) ? null : binder.InvalidMessage;
        }

        if (values.Count > 1)
        {
            return $"The {name} {kind} must be given once.";
        }

        return binder.TryBind(argument, values[0] ?? string.Empty) ? null : binder.InvalidMessage;
    }

    /// <summary>The first route- or header-bound member a form field or file part names.</summary>
    private RequestMember? FormNamesBoundMember(IFormCollection form)
    {
        foreach (var member in _notInBody)
        {
            if (form.Keys.Any(member.Matches) || form.Files.Any(f => member.Matches(f.Name)))
            {
                return member;
            }
        }

        return null;
    }

    private static bool IsMultipart(HttpRequest request) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type) &&
        type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    protected override async ValueTask<OperationProblem?> CheckPreconditionsAsync(HttpContext context, Bound<TRequest> bound)
    {
        // An empty If-Match asks nothing: generated clients send one for an omitted optional header.
        if (_versionReader is null || !context.Request.Headers.TryGetValue(HeaderNames.IfMatch, out var ifMatch) || ifMatch.All(string.IsNullOrWhiteSpace))
        {
            return null;
        }

        var (tag, problem) = await _versionReader.Value.ReadAsync(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (!EntityTags.MatchFails(ifMatch, tag))
        {
            return null;
        }

        return tag is null
            ? OperationProblem.Create(412, ProblemCodes.PreconditionFailed, "If-Match names a version, and the resource does not exist.")
            : OperationProblem.Create(412, ProblemCodes.PreconditionFailed, "The resource changed since it was read: If-Match does not name its current version. Read it again, then retry.", HeaderNames.ETag, tag);
    }

    protected override Task RespondAsync(HttpContext context, Bound<TRequest> bound, Outcome<TResponse> outcome)
    {
        _deprecation?.Apply(context);
        if (outcome.Problem is { } problem)
        {
            return ProblemWriter.WriteAsync(context, problem);
        }

        var response = context.Response;
        response.StatusCode = _status;
        if (_status == StatusCodes.Status204NoContent || Operation.ReturnsNothing)
        {
            return Task.CompletedTask;
        }

        if (context.User.Identity?.IsAuthenticated == true)
        {
            // What one user was shown is never stored by a shared cache for another.
            response.Headers.CacheControl = "private";
        }

        if (_tagsReads)
        {
            return WriteTaggedAsync(context, outcome.Value!);
        }

        if (_location is not null)
        {
            response.Headers.Location = _location.Resolve(bound.Request!, outcome.Value!);
        }

        if (_version is not null)
        {
            response.Headers.ETag = EntityTags.FromVersion(_version(outcome.Value!));
        }

        return response.WriteAsJsonAsync(outcome.Value!, ResponseInfo, contentType: null, context.RequestAborted);
    }

    /// <summary>
    /// A read's answer: written to a buffer first, so its strong ETag (the declared version, else a
    /// hash of the bytes) is known before anything is sent, and a client whose copy is current gets 304.
    /// </summary>
    private async Task WriteTaggedAsync(HttpContext context, TResponse value)
    {
        using var buffer = new PooledBufferWriter();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Json.Encoder, Indented = Json.WriteIndented, SkipValidation = true }))
        {
            JsonSerializer.Serialize(writer, value, ResponseInfo);
        }

        var response = context.Response;
        var tag = _version is not null ? EntityTags.FromVersion(_version(value)) : EntityTags.FromBody(buffer.WrittenSpan);
        response.Headers.ETag = tag;
        if (context.Request.Headers.TryGetValue(HeaderNames.IfNoneMatch, out var ifNoneMatch) && EntityTags.NoneMatchFails(ifNoneMatch, tag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = buffer.WrittenMemory.Length;
        await response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}
