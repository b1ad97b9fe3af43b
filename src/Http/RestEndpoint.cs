using MediatR;
using Microsoft.AspNetCore.Http;

namespace Hybrid.Http;

/// <summary>
/// One REST route. Binding: the JSON body (POST/PUT/PATCH), a multipart form for a request type
/// with <see cref="HybridFile"/> members (fields bound as the action door binds them), or nothing
/// (GET/DELETE) makes the request object, then query values (GET/DELETE) and route values set their properties, route
/// values last so a body can never overwrite what the URL names. Responding (one place): a problem,
/// or the route's status with <c>Location</c> for 201 and the JSON value unless 204.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The handler's response type.</typeparam>
internal sealed class RestEndpoint<TRequest, TResponse> : DoorEndpoint<TRequest, TResponse>
    where TRequest : class, IRequest<TResponse>
{
    private readonly MemberBinder<TRequest>[] _routeBinders;
    private readonly MemberBinder<TRequest>[] _queryBinders;
    private readonly bool[] _queryRequired;
    private readonly string[] _routeNames;
    private readonly bool _readsBody;
    private readonly bool _takesFiles;
    private readonly int _status;
    private readonly LocationTemplate<TRequest, TResponse>? _location;
    private readonly Func<TRequest>? _create;
    private readonly RawRequestMembers? _raw;

    public RestEndpoint(HybridOperation operation, RestRoute route, OperationCatalog catalog, IServiceProvider services, string versionPrefix, long maxBody)
        : base(operation, catalog, services, HybridDoors.Rest, maxBody)
    {
        var binding = RestBinding.For(Shape, route);
        _routeBinders = [.. binding.Route.Select(p => MemberBinder<TRequest>.Create(p.Member, Json))];
        _queryBinders = [.. binding.Query.Select(m => MemberBinder<TRequest>.Create(m, Json))];
        _queryRequired = [.. binding.Query.Select(m => m.IsRequiredInJson)];
        _routeNames = [.. binding.Route.Select(p => p.RouteName)];
        _readsBody = !route.BindsQuery;
        _takesFiles = _readsBody && FileMembers.Any(Shape);
        _status = route.StatusCode;
        if (route.Location is not null)
        {
            _location = new LocationTemplate<TRequest, TResponse>(versionPrefix + "/", route.Location, Shape, RequestShape.For(typeof(TResponse), Json));
        }

        _raw = _readsBody ? RawRequestMembers.For(typeof(TRequest)) : null;
        var constructor = typeof(TRequest).GetConstructor(Type.EmptyTypes);
        if (constructor is not null)
        {
            _create = System.Linq.Expressions.Expression.Lambda<Func<TRequest>>(System.Linq.Expressions.Expression.New(constructor)).Compile();
        }
    }

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
            }
            else
            {
                // No body on a route that reads one is {}, as on the action door, so a missing C# required member is named.
                argument = input == InputKind.Json
                    ? await request.ReadFromJsonAsync(RequestInfo, context.RequestAborted).ConfigureAwait(false)
                    : _readsBody || _create is null ? EmptyBody.Create(RequestInfo) : _create();
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
                if (!binder.TryBind(argument, values[^1] ?? string.Empty))
                {
                    (errors ??= new(StringComparer.Ordinal))[binder.Name] = [binder.InvalidMessage];
                }
            }
            else if (_queryRequired[i])
            {
                (errors ??= new(StringComparer.Ordinal))[binder.Name] = [$"The {binder.Name} field is required."];
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

    private static bool IsMultipart(HttpRequest request) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type) &&
        type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    protected override Task RespondAsync(HttpContext context, Bound<TRequest> bound, Outcome<TResponse> outcome)
    {
        if (outcome.Problem is { } problem)
        {
            return ProblemWriter.WriteAsync(context, problem);
        }

        context.Response.StatusCode = _status;
        if (_status == StatusCodes.Status204NoContent || Operation.ReturnsNothing)
        {
            return Task.CompletedTask;
        }

        if (_location is not null)
        {
            context.Response.Headers.Location = _location.Resolve(bound.Request!, outcome.Value!);
        }

        return context.Response.WriteAsJsonAsync(outcome.Value!, ResponseInfo, contentType: null, context.RequestAborted);
    }
}
