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
/// exactly the tools <c>tools/call</c> would run for it. The combined policy is Core's
/// <see cref="EndpointPolicies"/>, the same the in-process sender judges with.
/// </summary>
internal sealed class McpToolPolicy(EndpointPolicies policies)
{

    /// <summary>
    /// The verdict for the caller of <paramref name="context"/>: succeeded, challenged (no accepted
    /// credential: 401) or forbidden (403). Evaluating a policy with schemes makes the user they
    /// authenticate the request's user, as the middleware does.
    /// </summary>
    public async ValueTask<PolicyAuthorizationResult> EvaluateAsync(EndpointSettings settings, HttpContext context, Dictionary<AuthorizationPolicy, PolicyAuthorizationResult>? seen = null)
    {
        if (await policies.OfAsync(settings, context.RequestServices).ConfigureAwait(false) is not { } policy)
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
}
