using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Benchmarks;

/// <summary>
/// The endpoints' own request delegates, called directly on a fresh <see cref="DefaultHttpContext"/>:
/// no server, no routing, so the ratio isolates what Hybrid's door adds (binding, validation, the
/// MediatR send, writing) against the delegate ASP.NET Core builds for the hand-written minimal API.
/// </summary>
[MemoryDiagnoser]
public class EndpointBenchmarks
{
    private static readonly byte[] CreateBody = Encoding.UTF8.GetBytes("{\"name\":\"benchmark\"}");
    private static readonly byte[] InvalidForm = Encoding.UTF8.GetBytes("name=&__formUrl=%2Fthings%2Fnew");
    private string _stateCookie = string.Empty;
    private WebApplication _app = null!;
    private RequestDelegate _minimalGet = null!;
    private RequestDelegate _restGet = null!;
    private RequestDelegate _mediatorGet = null!;
    private RequestDelegate _minimalPost = null!;
    private RequestDelegate _restPost = null!;
    private RequestDelegate _mediatorPost = null!;
    private RequestDelegate _actionPost = null!;

    [GlobalSetup]
    public void Setup()
    {
        _app = BenchmarkApp.Build(_ => { });
        var endpoints = ((IEndpointRouteBuilder)_app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();
        RequestDelegate Find(string pattern, string method) => endpoints.Single(e =>
            e.RoutePattern.RawText == pattern &&
            e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Contains(method)).RequestDelegate!;
        _minimalGet = Find("/baseline/things/{id:int}", "GET");
        _mediatorGet = Find("/baseline/mediator/things/{id:int}", "GET");
        _minimalPost = Find("/baseline/things", "POST");
        _restGet = Find("/api/v1/things/{id}", "GET");
        _restPost = Find("/api/v1/things", "POST");
        _mediatorPost = Find("/baseline/mediator/things", "POST");
        _actionPost = Find("/_actions/CreateThing", "POST");
        _stateCookie = FailedFormPost().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _app.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "minimal API GET delegate")]
    public Task MinimalApiGet() => Run(_minimalGet, "GET", "id", null);

    [Benchmark(Description = "minimal API + IMediator.Send GET delegate")]
    public Task MediatorGet() => Run(_mediatorGet, "GET", "id", null);

    [Benchmark(Description = "Hybrid REST GET delegate")]
    public Task RestGet() => Run(_restGet, "GET", "id", null);

    [Benchmark(Description = "minimal API POST JSON delegate")]
    public Task MinimalApiPost() => Run(_minimalPost, "POST", null, CreateBody);

    [Benchmark(Description = "Hybrid REST POST JSON delegate")]
    public Task RestPost() => Run(_restPost, "POST", null, CreateBody);

    [Benchmark(Description = "minimal API POST JSON + IMediator.Send delegate")]
    public Task MediatorPost() => Run(_mediatorPost, "POST", null, CreateBody);

    [Benchmark(Description = "Hybrid action POST JSON delegate (origin check)")]
    public Task ActionPost() => Run(_actionPost, "POST", null, CreateBody);

    [Benchmark(Description = "Hybrid action plain form POST, invalid: 303 back + protected state cookie")]
    public Task<string> FailedFormPostBenchmark() => FailedFormPost();

    [Benchmark(Description = "the page reading that state (unprotect, once per render)")]
    public object? ReadFormState()
    {
        using var scope = _app.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Headers.Cookie = _stateCookie;
        return Hybrid.Actions.HybridFormStateExtensions.GetHybridFormState(context);
    }

    private async Task<string> FailedFormPost()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = "POST";
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.ContentLength = InvalidForm.Length;
        context.Request.Body = new MemoryStream(InvalidForm, writable: false);
        context.Request.Headers.Accept = "text/html";
        context.Response.Body = Stream.Null;
        context.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>(BodyFollows.Instance);
        context.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>(new MaxBodySize());
        await _actionPost(context);
        if (context.Response.StatusCode != 303)
        {
            throw new InvalidOperationException($"the failed form answered {context.Response.StatusCode}");
        }

        return context.Response.Headers.SetCookie.ToString().Split(';')[0];
    }

    private async Task Run(RequestDelegate endpoint, string method, string? routeValue, byte[]? body)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = method;
        context.Response.Body = Stream.Null;
        if (routeValue is not null)
        {
            context.Request.RouteValues[routeValue] = "42";
        }

        if (body is not null)
        {
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = body.Length;
            context.Request.Body = new MemoryStream(body, writable: false);
            context.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>(BodyFollows.Instance);
            context.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>(new MaxBodySize());
        }

        await endpoint(context);
        if (context.Response.StatusCode >= 300)
        {
            throw new InvalidOperationException($"{method} answered {context.Response.StatusCode}");
        }
    }

    /// <summary>Kestrel's per-request body limit, which a door sets instead of wrapping the body in a counting stream.</summary>
    private sealed class MaxBodySize : Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature
    {
        public bool IsReadOnly => false;

        public long? MaxRequestBodySize { get; set; } = 30_000_000;
    }

    /// <summary>What Kestrel tells an endpoint about a request with a body; ASP.NET Core's delegate reads a body only when told.</summary>
    private sealed class BodyFollows : Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature
    {
        public static BodyFollows Instance { get; } = new();

        public bool CanHaveBody => true;
    }
}
