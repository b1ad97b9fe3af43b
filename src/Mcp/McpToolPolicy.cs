using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Mcp;

/// <summary>
/// Who may see and call a tool: the authorization of the tool's endpoint, read from its final
/// metadata and judged as ASP.NET Core's authorization middleware judges an endpoint (authorize
/// data, policies, requirement data, the fallback policy, <c>[AllowAnonymous]</c>; the policy's
/// schemes, the door's by default, authenticate the caller), so <c>tools/list</c> shows a caller
/// exactly the tools <c>tools/call</c> would run for it. Combined policies are kept per endpoint
/// when the app's provider allows it, as the middleware keeps them.
/// </summary>
internal sealed class McpToolPolicy
{
    private readonly ConcurrentDictionary<EndpointSettings, AuthorizationPolicy?> _policies = new();

    /// <summary>
    /// The verdict for the caller of <paramref name="context"/>: succeeded, challenged (no accepted
    /// credential: 401) or forbidden (403). Evaluating a policy with schemes makes the user they
    /// authenticate the request's user, as the middleware does.
    /// </summary>
    public async ValueTask<PolicyAuthorizationResult> EvaluateAsync(EndpointSettings settings, HttpContext context, Dictionary<AuthorizationPolicy, PolicyAuthorizationResult>? seen = null)
    {
        if (await PolicyOfAsync(settings, context.RequestServices).ConfigureAwait(false) is not { } policy)
        {
            return PolicyAuthorizationResult.Success();
        }

        if (seen is not null && seen.TryGetValue(policy, out var known))
        {
            return known;
        }

        var evaluator = context.RequestServices.GetRequiredService<IPolicyEvaluator>();
        var authenticated = await evaluator.AuthenticateAsync(policy, context).ConfigureAwait(false);
        var verdict = await evaluator.AuthorizeAsync(policy, authenticated, context, context).ConfigureAwait(false);
        seen?.TryAdd(policy, verdict);
        return verdict;
    }

    /// <summary>Whether the tool needs more than an anonymous caller has: its endpoint is authorized at all.</summary>
    public static bool IsProtected(EndpointSettings settings) => settings.Authorization.Required;

    private async ValueTask<AuthorizationPolicy?> PolicyOfAsync(EndpointSettings settings, IServiceProvider services)
    {
        if (!settings.Authorization.Required)
        {
            return null;
        }

        if (_policies.TryGetValue(settings, out var cached))
        {
            return cached;
        }

        var provider = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var metadata = settings.Metadata;
        var policy = await AuthorizationPolicy.CombineAsync(provider, metadata.OfType<IAuthorizeData>(), metadata.OfType<AuthorizationPolicy>()).ConfigureAwait(false);
        var requirements = metadata.OfType<IAuthorizationRequirementData>().SelectMany(d => d.GetRequirements()).ToList();
        if (requirements.Count > 0)
        {
            var builder = new AuthorizationPolicyBuilder().AddRequirements([.. requirements]);
            policy = policy is null ? builder.Build() : AuthorizationPolicy.Combine(policy, builder.Build());
        }

        policy ??= await provider.GetFallbackPolicyAsync().ConfigureAwait(false);
        if (provider.AllowsCachingPolicies)
        {
            _policies.TryAdd(settings, policy);
        }

        return policy;
    }
}
