using System.Collections.Concurrent;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hybrid;

/// <summary>
/// The one reader of per-operation endpoint metadata: turns an endpoint's final metadata into its
/// <see cref="EndpointSettings"/>, reading each kind as the ASP.NET Core component that owns it does
/// (the last statement wins; an opt-out anywhere wins where the middleware says so). A new
/// per-operation setting is one property of <see cref="EndpointSettings"/> and one line here.
/// </summary>
internal sealed class EndpointSettingsResolver(IServiceProvider services)
{
    private readonly HybridOptions _options = services.GetRequiredService<IOptions<HybridOptions>>().Value;
    private readonly RequestTimeoutOptions _timeouts = services.GetService<IOptions<RequestTimeoutOptions>>()?.Value ?? new RequestTimeoutOptions();

    // With a fallback policy, ASP.NET Core authorizes endpoints that state nothing: that is a policy too.
    private readonly bool _hasFallbackPolicy = services.GetService<IOptions<AuthorizationOptions>>()?.Value.FallbackPolicy is not null;

    // Asked once per handler and per scheme set, not per endpoint: a large catalog resolves thousands of endpoints at start-up.
    private readonly ConcurrentDictionary<Type, bool> _handlerAdds = new();
    private readonly ConcurrentDictionary<string, bool> _cookieSchemes = new(StringComparer.Ordinal);

    public EndpointSettings Resolve(HybridEndpointMetadata endpoint, IReadOnlyList<object> metadata)
    {
        var door = endpoint.Traits;
        var method = endpoint.Method;
        var isGet = method == HttpMethods.Get;

        // One pass, in order: for each kind the last statement wins, as ASP.NET Core's middleware reads them.
        IRequestSizeLimitMetadata? sizeLimit = null;
        MaxFilesAttribute? maxFiles = null;
        IdempotentAttribute? idempotent = null;
        StandardWebhookAttribute? webhook = null;
        ReadCacheAttribute? readCache = null;
        StreamingAttribute? streaming = null;
        EnableRateLimitingAttribute? rateLimit = null;
        RequestTimeoutAttribute? timeout = null;
        RequestTimeoutPolicy? timeoutPolicy = null;
        var disableTimeout = false;
        var disableRateLimiting = false;
        var antiforgeryOptOut = false;
        List<string>? revalidates = null;
        List<ProducesProblemAttribute>? problems = null;
        foreach (var item in metadata)
        {
            switch (item)
            {
                case IRequestSizeLimitMetadata limit: sizeLimit = limit; break;
                case MaxFilesAttribute files: maxFiles = files; break;
                case IdempotentAttribute retries: idempotent = retries; break;
                case StandardWebhookAttribute hook: webhook = hook; break;
                case ReadCacheAttribute read: readCache = read; break;
                case StreamingAttribute stream: streaming = stream; break;
                case EnableRateLimitingAttribute enable: rateLimit = enable; break;
                case DisableRateLimitingAttribute: disableRateLimiting = true; break;
                case RequestTimeoutAttribute time: timeout = time; break;
                case RequestTimeoutPolicy time: timeoutPolicy = time; break;
                case DisableRequestTimeoutAttribute: disableTimeout = true; break;
                case IAntiforgeryMetadata { RequiresValidation: false }: antiforgeryOptOut = true; break;
                case RevalidatesAttribute stale: (revalidates ??= []).AddRange(stale.Targets); break;
                case ProducesProblemAttribute problem when problems is null || !problems.Exists(p => p.StatusCode == problem.StatusCode && p.Code == problem.Code):
                    (problems ??= []).Add(problem);
                    break;
                default: break;
            }
        }

        var authorization = Authorization(metadata, door);
        var tokens = door.ChecksAntiforgeryTokens && AntiforgeryRequirement.Requires(door.TokensByDefault, metadata);
        IReadOnlyList<string> targets = isGet || revalidates is null ? [] : revalidates;
        readCache = door.CachesReads && isGet ? readCache : null;
        var timeLimit = EndpointTimeout.Of(timeout, timeoutPolicy, disableTimeout, _timeouts, out var unknownPolicy);
        return new EndpointSettings
        {
            Operation = endpoint.Operation,
            Door = door,
            Endpoint = endpoint,
            Method = method,
            Metadata = metadata,
            Authorization = authorization,
            RequiresAntiforgeryToken = tokens,
            AntiforgeryDisabled = door.ChecksAntiforgeryTokens && !tokens && antiforgeryOptOut,
            ChecksOrigin = door.AlwaysChecksOrigin || (!IsSafe(method) && authorization.TakesCookies),
            BodyLimit = sizeLimit is not null ? sizeLimit.MaxRequestBodySize : door.DefaultBodyLimit,
            MaxFiles = maxFiles?.Count ?? _options.MaxFiles,
            Idempotent = door.ReplaysIdempotentRequests && TakesIdempotencyKey(method) ? idempotent : null,
            Webhook = door.VerifiesWebhooks && method == HttpMethods.Post ? webhook : null,
            Revalidates = targets,
            Revalidation = isGet ? null : OperationRevalidation.For(endpoint.Operation, targets, HandlerAdds(endpoint.Operation.HandlerType)),
            ReadCache = readCache,
            ReadCachePolicy = readCache is null ? null : new ReadCachePolicy(TimeSpan.FromSeconds(Math.Max(1, readCache.DurationSeconds)), readCache.Tags),
            RateLimitDisabled = disableRateLimiting,
            RateLimitPolicy = disableRateLimiting || rateLimit is null ? null : rateLimit.PolicyName ?? "(policy object)",
            Timeout = timeLimit,
            UnknownTimeoutPolicy = unknownPolicy,
            Problems = problems is null ? [] : problems,
            Stream = endpoint.Operation.IsStream ? StreamSettings.Of(streaming, _options.Streams) : null,
        };
    }

    /// <summary>The method rule of <see cref="IdempotentAttribute"/>: only these store and replay responses.</summary>
    public static bool TakesIdempotencyKey(string method) => method is "POST" or "PATCH";

    private EndpointAuthorization Authorization(IReadOnlyList<object> metadata, DoorTraits door)
    {
        var anonymous = false;
        var states = false;
        foreach (var item in metadata)
        {
            anonymous |= item is IAllowAnonymous;
            states |= item is IAuthorizeData or AuthorizationPolicy or IAuthorizationRequirementData;
        }

        var schemes = AcceptedSchemes.Of(services, metadata, door.AuthenticationSchemes);
        var cookies = _cookieSchemes.GetOrAdd(string.Join(",", schemes), _ => CookieSchemes.AnyIn(services, schemes));
        return new EndpointAuthorization(
            Required: !anonymous && (states || _hasFallbackPolicy),
            Anonymous: anonymous,
            Policy: PolicyText.Of(metadata, _hasFallbackPolicy),
            Schemes: schemes,
            TakesCookies: cookies);
    }

    /// <summary>Only a handler that takes <see cref="IRevalidation"/> can add targets at run time: others never pay for resolving it.</summary>
    private bool HandlerAdds(Type handler) => _handlerAdds.GetOrAdd(handler, h => h.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(IRevalidation))));

    private static bool IsSafe(string method) => method is "GET" or "HEAD" or "OPTIONS";
}
