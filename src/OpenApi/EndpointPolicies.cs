using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace Hybrid;

/// <summary>
/// What an endpoint's final metadata says about the policies that can refuse a request before its
/// handler runs, read the way ASP.NET Core's middlewares read it: an opt-out anywhere wins.
/// </summary>
internal static class EndpointPolicies
{
    /// <summary>True when the authorization middleware checks the endpoint: authorize data or a policy, and no <c>[AllowAnonymous]</c>.</summary>
    public static bool RequiresAuthorization(IReadOnlyList<object> metadata) =>
        metadata.Any(m => m is IAuthorizeData or AuthorizationPolicy) && !metadata.Any(m => m is IAllowAnonymous);

    /// <summary>True when the rate limiting middleware limits the endpoint: <c>[EnableRateLimiting]</c> and no <c>[DisableRateLimiting]</c>.</summary>
    public static bool IsRateLimited(IReadOnlyList<object> metadata) =>
        metadata.Any(m => m is EnableRateLimitingAttribute) && !metadata.Any(m => m is DisableRateLimitingAttribute);
}
