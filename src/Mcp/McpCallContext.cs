using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;

namespace Hybrid.Mcp;

/// <summary>
/// The request a tool call is run as: a context of its own over the <c>/mcp</c> request's features
/// (its user, connection, services and trace), with the tool's endpoint, the arguments as a JSON body,
/// the call's cancellation as <c>RequestAborted</c>, and a response that goes nowhere but here. The
/// door's pipeline, the rate limiter and the problem writer then run exactly as on an HTTP door, and
/// the transport's own response (the SDK's event stream) is never touched.
/// </summary>
internal static class McpCallContext
{
    public static HttpContext Create(HttpContext transport, Endpoint endpoint, McpCallFeature call, CancellationToken? timeout, CancellationToken aborted)
    {
        var parent = transport.Request;
        var headers = new McpCallHeaders(parent.Headers, call.Arguments.Length);
        var features = new FeatureCollection(transport.Features);
        features.Set<IHttpRequestFeature>(new HttpRequestFeature
        {
            Protocol = parent.Protocol,
            Scheme = parent.Scheme,
            Method = HttpMethods.Post,
            PathBase = parent.PathBase.Value ?? string.Empty,
            Path = parent.Path.Value ?? string.Empty,
            QueryString = string.Empty,
            RawTarget = parent.Path.Value ?? string.Empty,
            Headers = headers,
            Body = new MemoryStream(call.Arguments, writable: false),
        });
        features.Set<IHttpRequestBodyDetectionFeature>(Detection.Instance);
        features.Set<IHttpResponseFeature>(new HttpResponseFeature());
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(call.Response));
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = aborted });
        features.Set<IEndpointFeature>(new EndpointFeature(endpoint));
        features.Set<IRouteValuesFeature>(new RouteValuesFeature());
        features.Set<IHttpRequestTimeoutFeature>(new TimeoutFeature(timeout ?? CancellationToken.None));
        features.Set(call);
        return new DefaultHttpContext(features);
    }

    private sealed class Detection : IHttpRequestBodyDetectionFeature
    {
        public static readonly Detection Instance = new();

        public bool CanHaveBody => true;
    }

    private sealed class EndpointFeature(Endpoint endpoint) : IEndpointFeature
    {
        public Endpoint? Endpoint { get; set; } = endpoint;
    }

    /// <summary>The call's own time limit, so the door answers it as the request timeouts middleware's.</summary>
    private sealed class TimeoutFeature(CancellationToken token) : IHttpRequestTimeoutFeature
    {
        public CancellationToken RequestTimeoutToken { get; } = token;

        public void DisableTimeout()
        {
        }
    }
}

/// <summary>One tool call in flight: its arguments, what the door's responder made of it, and the problem body when it failed.</summary>
internal sealed class McpCallFeature(McpToolEntry tool, byte[] arguments, string? idempotencyKey, McpProgress? progress = null)
{
    public McpToolEntry Tool { get; } = tool;

    /// <summary>The arguments as a JSON object, or empty for none.</summary>
    public byte[] Arguments { get; } = arguments;

    /// <summary>The key a client sent in <c>_meta</c> to make retries safe, or <see langword="null"/>.</summary>
    public string? IdempotencyKey { get; } = idempotencyKey;

    /// <summary>Where the call's progress notifications go, or <see langword="null"/> when its caller asked for none.</summary>
    public McpProgress? Progress { get; } = progress;

    /// <summary>The handler's result as JSON (empty for a tool without one), once it succeeded.</summary>
    public byte[]? Result { get; set; }

    /// <summary>The idempotency key this call claimed (its store key and the arguments' fingerprint), until it is answered.</summary>
    public (string Key, byte[] Fingerprint)? Claim { get; set; }

    /// <summary>Where the door writes a problem.</summary>
    public MemoryStream Response { get; } = new();
}
