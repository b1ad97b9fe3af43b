using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
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

    // With a fallback policy, ASP.NET Core authorizes endpoints that state nothing: that is a policy too.
    private readonly bool _hasFallbackPolicy = services.GetService<IOptions<AuthorizationOptions>>()?.Value.FallbackPolicy is not null;

    public EndpointSettings Resolve(HybridEndpointMetadata endpoint, IReadOnlyList<object> metadata)
    {
        var door = endpoint.Traits;
        var route = endpoint.Route;
        var method = route?.Method ?? HttpMethods.Post;
        var authorization = Authorization(metadata, door);
        var tokens = door.ChecksAntiforgeryTokens && AntiforgeryRequirement.Requires(door.TokensByDefault, metadata);
        var revalidates = method == HttpMethods.Get ? [] : metadata.OfType<RevalidatesAttribute>().SelectMany(a => a.Targets).ToList();
        var readCache = door.CachesReads && method == HttpMethods.Get ? Last<ReadCacheAttribute>(metadata) : null;
        var disableRateLimiting = metadata.OfType<DisableRateLimitingAttribute>().Any();
        return new EndpointSettings
        {
            Operation = endpoint.Operation,
            Door = door,
            Route = route,
            Method = method,
            Metadata = metadata,
            Authorization = authorization,
            RequiresAntiforgeryToken = tokens,
            AntiforgeryDisabled = door.ChecksAntiforgeryTokens && !tokens && metadata.OfType<IAntiforgeryMetadata>().Any(m => !m.RequiresValidation),
            ChecksOrigin = door.AlwaysChecksOrigin || (!IsSafe(method) && authorization.TakesCookies),
            BodyLimit = Last<IRequestSizeLimitMetadata>(metadata) is { } limit ? limit.MaxRequestBodySize : door.DefaultBodyLimit,
            MaxFiles = Last<MaxFilesAttribute>(metadata)?.Count ?? _options.MaxFiles,
            Idempotent = door.ReplaysIdempotentRequests && TakesIdempotencyKey(method) ? Last<IdempotentAttribute>(metadata) : null,
            Webhook = door.VerifiesWebhooks && method == HttpMethods.Post ? Last<StandardWebhookAttribute>(metadata) : null,
            Revalidates = revalidates,
            Revalidation = method == HttpMethods.Get ? null : OperationRevalidation.For(endpoint.Operation, revalidates),
            ReadCache = readCache,
            ReadCachePolicy = readCache is null ? null : new ReadCachePolicy(TimeSpan.FromSeconds(Math.Max(1, readCache.DurationSeconds)), readCache.Tags),
            RateLimitDisabled = disableRateLimiting,
            RateLimitPolicy = disableRateLimiting ? null : Last<EnableRateLimitingAttribute>(metadata) is { } enable ? enable.PolicyName ?? "(policy object)" : null,
            Problems = [.. metadata.OfType<ProducesProblemAttribute>().DistinctBy(p => (p.StatusCode, p.Code))],
        };
    }

    /// <summary>The method rule of <see cref="IdempotentAttribute"/>: only these store and replay responses.</summary>
    public static bool TakesIdempotencyKey(string method) => method is "POST" or "PATCH";

    private EndpointAuthorization Authorization(IReadOnlyList<object> metadata, DoorTraits door)
    {
        var anonymous = metadata.Any(m => m is IAllowAnonymous);
        var states = metadata.Any(m => m is IAuthorizeData or AuthorizationPolicy or IAuthorizationRequirementData);
        var schemes = AcceptedSchemes.Of(services, metadata, door.AuthenticationSchemes);
        return new EndpointAuthorization(
            Required: !anonymous && (states || _hasFallbackPolicy),
            Anonymous: anonymous,
            Policy: PolicyText.Of(metadata, _hasFallbackPolicy),
            Schemes: schemes,
            TakesCookies: CookieSchemes.AnyIn(services, schemes));
    }

    private static bool IsSafe(string method) => method is "GET" or "HEAD" or "OPTIONS";

    private static T? Last<T>(IReadOnlyList<object> metadata)
        where T : class
    {
        for (var i = metadata.Count - 1; i >= 0; i--)
        {
            if (metadata[i] is T found)
            {
                return found;
            }
        }

        return null;
    }
}
