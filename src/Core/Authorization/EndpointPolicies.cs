using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid;

/// <summary>
/// An endpoint's combined authorization policy, made the way ASP.NET Core's authorization
/// middleware makes it (authorize data, policies, requirement data, the fallback policy,
/// <c>[AllowAnonymous]</c>): the one reading for whatever judges a caller outside the middleware
/// (an in-process call, a door whose endpoints share one transport). Kept per endpoint when the
/// app's provider allows it, as the middleware keeps it.
/// </summary>
internal sealed class EndpointPolicies
{
    private readonly ConcurrentDictionary<EndpointSettings, AuthorizationPolicy?> _policies = new();

    /// <summary>The endpoint's combined policy, or <see langword="null"/> when the middleware would not check it.</summary>
    public async ValueTask<AuthorizationPolicy?> OfAsync(EndpointSettings endpoint, IServiceProvider requestServices)
    {
        if (!endpoint.Authorization.Required)
        {
            return null;
        }

        if (_policies.TryGetValue(endpoint, out var cached))
        {
            return cached;
        }

        var provider = requestServices.GetRequiredService<IAuthorizationPolicyProvider>();
        var metadata = endpoint.Metadata;
        var policy = await AuthorizationPolicy.CombineAsync(provider, metadata.OfType<IAuthorizeData>(), metadata.OfType<AuthorizationPolicy>()).ConfigureAwait(false);
        var requirements = metadata.OfType<IAuthorizationRequirementData>().SelectMany(d => d.GetRequirements()).ToList();
        if (requirements.Count > 0)
        {
            var builder = new AuthorizationPolicyBuilder().AddRequirements([.. requirements]);
            policy = policy is null ? builder.Build() : AuthorizationPolicy.Combine(policy, builder.Build());
        }

        policy ??= await provider.GetFallbackPolicyAsync().ConfigureAwait(false);

        // As the middleware does: a provider that makes a policy per request (from a claim, say) is asked every time.
        if (provider.AllowsCachingPolicies)
        {
            _policies.TryAdd(endpoint, policy);
        }

        return policy;
    }
}
