using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hybrid.Http;

/// <summary>The precompiled <see cref="RequestDelegate"/> of one REST route.</summary>
internal interface IRestEndpoint
{
    Task HandleAsync(HttpContext context);
}

/// <summary>
/// One REST route: the JSON body (POST/PUT/PATCH) or nothing (GET/DELETE) makes the request object,
/// then query values (GET/DELETE) and route values set their properties, route values last so a body
/// can never overwrite what the URL names. Then the shared pipeline, then 200/201/204 or a problem.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The handler's response type.</typeparam>
internal sealed class RestEndpoint<TRequest, TResponse> : IRestEndpoint
    where TRequest : class, IRequest<TResponse>
{
    private const string Door = "rest";
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    private readonly OperationInvoker<TRequest, TResponse> _invoker;
    private readonly JsonTypeInfo<TRequest> _requestInfo;
    private readonly JsonTypeInfo<TResponse> _responseInfo;
    private readonly MemberBinder<TRequest>[] _routeBinders;
    private readonly MemberBinder<TRequest>[] _queryBinders;
    private readonly bool _readsBody;
    private readonly int _status;
    private readonly LocationTemplate<TRequest, TResponse>? _location;
    private readonly Func<TRequest>? _create;
    private readonly ILogger _logger;

    public RestEndpoint(HybridOperation operation, RestRoute route, OperationCatalog catalog, IServiceProvider services, string versionPrefix)
    {
        var loggers = services.GetRequiredService<ILoggerFactory>();
        var shape = catalog.ShapeOf(operation);
        _invoker = new OperationInvoker<TRequest, TResponse>(operation, shape, loggers);
        _requestInfo = (JsonTypeInfo<TRequest>)catalog.Json.GetTypeInfo(typeof(TRequest));
        _responseInfo = (JsonTypeInfo<TResponse>)catalog.Json.GetTypeInfo(typeof(TResponse));
        _logger = loggers.CreateLogger("Hybrid.Http");

        var binding = RestBinding.For(shape, route);
        _routeBinders = [.. binding.Route.Select(p => MemberBinder<TRequest>.Create(p.Member))];
        _queryBinders = [.. binding.Query.Select(MemberBinder<TRequest>.Create)];
        RouteNames = [.. binding.Route.Select(p => p.RouteName)];
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

    private string[] RouteNames { get; }

    public async Task HandleAsync(HttpContext context)
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
                ? await request.ReadFromJsonAsync(_requestInfo, context.RequestAborted).ConfigureAwait(false)
                : _create is not null ? _create() : JsonSerializer.Deserialize(EmptyObject, _requestInfo);
        }
        catch (JsonException e)
        {
            await RejectAsync(context, OperationProblem.InvalidJson(e.Path)).ConfigureAwait(false);
            return;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await RejectAsync(context, OperationProblem.Create(413, ProblemCodes.PayloadTooLarge, "The request body is too large.")).ConfigureAwait(false);
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
            var text = Convert.ToString(request.RouteValues[RouteNames[i]], System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
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

        var outcome = await _invoker.InvokeAsync(argument, context, Door).ConfigureAwait(false);
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

        await context.Response.WriteAsJsonAsync(outcome.Value!, _responseInfo, contentType: null, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether a body follows. Without Content-Length the server knows: HTTP/2 and HTTP/3 have no
    /// Transfer-Encoding, so a streamed body shows only in <see cref="IHttpRequestBodyDetectionFeature"/>.
    /// </summary>
    private static bool HasBody(HttpRequest request) =>
        request.ContentLength is { } length
            ? length > 0
            : request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? request.Headers.TransferEncoding.Count > 0;

    private Task RejectAsync(HttpContext context, OperationProblem problem)
    {
        Log.Rejected(_logger, Door, problem.Status, problem.Code);
        return ProblemWriter.WriteAsync(context, problem);
    }
}

/// <summary>Which request members a route binds from its URL and which from the query; the document builder reads the same.</summary>
internal sealed record RestBinding(IReadOnlyList<(string RouteName, RequestMember Member)> Route, IReadOnlyList<RequestMember> Query, IReadOnlyList<RequestMember> Body)
{
    public static RestBinding For(RequestShape shape, RestRoute route)
    {
        var pattern = RoutePatternFactory.Parse(route.Template);
        var bound = pattern.Parameters.Select(p => (p.Name, shape.Find(p.Name)!)).ToList();
        var rest = shape.Members.Where(m => !bound.Any(b => b.Item2 == m)).ToList();
        return route.BindsQuery
            ? new RestBinding(bound, rest, [])
            : new RestBinding(bound, [], rest);
    }
}
