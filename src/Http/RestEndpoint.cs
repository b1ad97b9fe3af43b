using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hybrid.Http;

/// <summary>
/// One REST route: the JSON body (POST/PUT/PATCH) or nothing (GET/DELETE) makes the request object,
/// then query values (GET/DELETE) and route values set their properties, route values last so a body
/// can never overwrite what the URL names. Then the shared pipeline, then 200/201/204 or a problem.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The handler's response type.</typeparam>
internal sealed class RestEndpoint<TRequest, TResponse> : DoorEndpoint<TRequest, TResponse>
    where TRequest : class, IRequest<TResponse>
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    private readonly MemberBinder<TRequest>[] _routeBinders;
    private readonly MemberBinder<TRequest>[] _queryBinders;
    private readonly bool _readsBody;
    private readonly int _status;
    private readonly LocationTemplate<TRequest, TResponse>? _location;
    private readonly Func<TRequest>? _create;
    private readonly string[] _routeNames;

    public RestEndpoint(HybridOperation operation, RestRoute route, OperationCatalog catalog, IServiceProvider services, string versionPrefix)
        : base(operation, catalog, services, "rest")
    {
        var shape = Shape;
        var binding = RestBinding.For(shape, route);
        _routeBinders = [.. binding.Route.Select(p => MemberBinder<TRequest>.Create(p.Member))];
        _queryBinders = [.. binding.Query.Select(MemberBinder<TRequest>.Create)];
        _routeNames = [.. binding.Route.Select(p => p.RouteName)];
        _readsBody = !route.BindsQuery;
        _status = route.StatusCode;
        if (route.Location is not null)
        {
            _location = new LocationTemplate<TRequest, TResponse>(versionPrefix + "/", route.Location, shape, RequestShape.For(typeof(TResponse), catalog.Json));
        }

        var constructor = typeof(TRequest).GetConstructor(Type.EmptyTypes);
        if (constructor is not null)
        {
            _create = System.Linq.Expressions.Expression.Lambda<Func<TRequest>>(System.Linq.Expressions.Expression.New(constructor)).Compile();
        }
    }

    public override async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var readBody = _readsBody && HasBody(request);
        if (readBody && !request.HasJsonContentType())
        {
            await RejectAsync(context, OperationProblem.Create(415, ProblemCodes.UnsupportedMediaType, "Send the body as application/json.")).ConfigureAwait(false);
            return;
        }

        TRequest? argument;
        try
        {
            argument = readBody
                ? await request.ReadFromJsonAsync(RequestInfo, context.RequestAborted).ConfigureAwait(false)
                : _create is not null ? _create() : JsonSerializer.Deserialize(EmptyObject, RequestInfo);
        }
        catch (Exception e) when (IsUnreadableBody(e, context))
        {
            await RejectAsync(context, UnreadableBody(e)).ConfigureAwait(false);
            return;
        }

        if (argument is null)
        {
            await RejectAsync(context, OperationProblem.InvalidJson(null)).ConfigureAwait(false);
            return;
        }

        Dictionary<string, string[]>? errors = null;
        foreach (var binder in _queryBinders)
        {
            if (request.Query.TryGetValue(binder.Name, out var values) && values.Count > 0 && !binder.TryBind(argument, values[^1] ?? string.Empty))
            {
                (errors ??= [])[binder.Name] = [$"The value '{values[^1]}' is not valid for {binder.Name}."];
            }
        }

        for (var i = 0; i < _routeBinders.Length; i++)
        {
            var text = Convert.ToString(request.RouteValues[_routeNames[i]], System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            if (!_routeBinders[i].TryBind(argument, text))
            {
                (errors ??= [])[_routeBinders[i].Name] = [$"The value '{text}' is not valid for {_routeBinders[i].Name}."];
            }
        }

        if (errors is not null)
        {
            await RejectAsync(context, OperationProblem.Validation(errors)).ConfigureAwait(false);
            return;
        }

        var outcome = await Invoker.InvokeAsync(argument, context, Door).ConfigureAwait(false);
        if (outcome.Problem is not null)
        {
            await ProblemWriter.WriteAsync(context, outcome.Problem).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = _status;
        if (_status == 204 || outcome.Value is Unit)
        {
            return;
        }

        if (_location is not null)
        {
            context.Response.Headers.Location = _location.Resolve(argument, outcome.Value!);
        }

        await context.Response.WriteAsJsonAsync(outcome.Value!, ResponseInfo, contentType: null, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether a body follows. Without Content-Length the server knows: HTTP/2 and HTTP/3 have no
    /// Transfer-Encoding, so a streamed body shows only in <see cref="IHttpRequestBodyDetectionFeature"/>.
    /// </summary>
    private static bool HasBody(HttpRequest request) =>
        request.ContentLength is { } length
            ? length > 0
            : request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? request.Headers.TransferEncoding.Count > 0;
}
