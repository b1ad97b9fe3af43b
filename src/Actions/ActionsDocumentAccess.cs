using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hybrid.Actions;

/// <summary>
/// Who may read the actions document. It lists every action, admin ones included, so outside
/// Development only a caller who passes the action door's policy reads it: the authorization the app
/// put on <c>MapHybridActions()</c>, else an authenticated user, with the door's schemes. Everyone
/// else gets 404, signed in or not: the document's existence is not advertised, and a sign-in
/// redirect in answer to a JSON document helps no one. Open with
/// <see cref="ActionDoorOptions.PublicDocument"/>; authorization the app put on the document
/// endpoint itself (the door's <c>Documents</c> builder) is the authorization middleware's to check,
/// and replaces this one.
/// </summary>
internal sealed class ActionsDocumentAccess
{
    private readonly IServiceProvider _services;
    private readonly bool _open;
    private readonly Lazy<IReadOnlyList<object>> _policy;

    public ActionsDocumentAccess(IServiceProvider services, ActionDoorOptions options, DoorTraits traits, HybridEndpointConventionBuilder door)
    {
        _services = services;
        _open = options.PublicDocument || services.GetService<IHostEnvironment>()?.IsDevelopment() == true;

        // Read on the first request, once the app has added every convention to the door.
        _policy = new Lazy<IReadOnlyList<object>>(() => PolicyOf(door.DoorMetadata(), traits), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Whether the document is checked at all; a checked one is private to its reader and no shared cache keeps it.</summary>
    public bool Checks => !_open;

    public async Task<bool> AllowsAsync(HttpContext context)
    {
        if (_open || IsAuthorization(context.GetEndpoint()?.Metadata ?? []))
        {
            return true;
        }

        var provider = _services.GetService<IAuthorizationPolicyProvider>();
        var evaluator = _services.GetService<IPolicyEvaluator>();
        if (provider is null || evaluator is null)
        {
            // No authorization in the app: nobody can pass the door's policy.
            return false;
        }

        var metadata = _policy.Value;
        var policy = await AuthorizationPolicy.CombineAsync(provider, metadata.OfType<IAuthorizeData>(), metadata.OfType<AuthorizationPolicy>()).ConfigureAwait(false);
        var requirements = metadata.OfType<IAuthorizationRequirementData>().SelectMany(r => r.GetRequirements()).ToList();
        if (requirements.Count > 0)
        {
            var builder = new AuthorizationPolicyBuilder();
            if (policy is not null)
            {
                builder.Combine(policy);
            }

            policy = builder.AddRequirements([.. requirements]).Build();
        }

        if (policy is null)
        {
            return false;
        }

        var authentication = await evaluator.AuthenticateAsync(policy, context).ConfigureAwait(false);
        var result = await evaluator.AuthorizeAsync(policy, authentication, context, context).ConfigureAwait(false);
        return result.Succeeded;
    }

    /// <summary>
    /// The door's authorization metadata; with none (or only an opt-out, which speaks for the
    /// actions, not for a list of them), an authenticated user. Then the door's schemes, as its
    /// protected actions get them.
    /// </summary>
    private static List<object> PolicyOf(IReadOnlyList<object> door, DoorTraits traits)
    {
        var policy = door.Where(m => m is IAuthorizeData or AuthorizationPolicy or IAuthorizationRequirementData).ToList();
        if (policy.Count == 0)
        {
            policy.Add(new AuthorizeAttribute());
        }

        policy.AddRange(door.OfType<DoorAuthenticationAttribute>());
        DoorSchemes.Apply(policy, traits);
        return policy;
    }

    private static bool IsAuthorization(IReadOnlyList<object> metadata) =>
        metadata.Any(m => m is IAuthorizeData or AuthorizationPolicy or IAllowAnonymous or IAuthorizationRequirementData);
}
