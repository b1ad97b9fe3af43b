using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid;

/// <summary>
/// HYB081: an endpoint names an authorization policy (<c>[Authorize(Policy = "x")]</c>,
/// <c>RequireAuthorization("x")</c>, by any convention) that the app's policy provider does not
/// know. ASP.NET Core looks a policy up on each request, so such an endpoint starts and then answers
/// 500 on every call. The check asks the app's own <see cref="IAuthorizationPolicyProvider"/>, as the
/// authorization middleware will, so a custom provider that makes policies from their names is asked
/// the same question and answers the same way.
/// </summary>
internal static class UnknownPolicies
{
    public static IReadOnlyList<HybridConfigurationError> Check(IReadOnlyList<EndpointSettings> endpoints, IServiceProvider services)
    {
        var named = endpoints
            .SelectMany(e => e.Metadata.OfType<IAuthorizeData>().Where(a => !string.IsNullOrWhiteSpace(a.Policy)).Select(a => (Policy: a.Policy!, Operation: EndpointChecks.Name(e.Operation))))
            .Distinct()
            .GroupBy(n => n.Policy, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (named.Count == 0)
        {
            return [];
        }

        // A provider may be scoped (one that reads a per-tenant store); the middleware resolves it per request.
        using var scope = services.CreateScope();
        if (scope.ServiceProvider.GetService<IAuthorizationPolicyProvider>() is not { } provider)
        {
            return [];
        }

        var errors = new List<HybridConfigurationError>();
        foreach (var policy in named)
        {
            var why = Unknown(provider, policy.Key);
            if (why is null)
            {
                continue;
            }

            var operations = policy.Select(p => p.Operation).Distinct().Order(StringComparer.Ordinal).ToList();
            errors.Add(new(
                "HYB081",
                $"{string.Join(", ", operations)} require{(operations.Count == 1 ? "s" : "")} the authorization policy '{policy.Key}', {why}, so ASP.NET Core would answer every call with 500. " +
                $"Fix: define it (services.AddAuthorizationBuilder().AddPolicy(\"{policy.Key}\", p => p.RequireAuthenticatedUser())), or name a policy the app defines."));
        }

        return errors;
    }

    /// <summary>Why the provider cannot give the policy, or <see langword="null"/> when it can or cannot be asked here.</summary>
    private static string? Unknown(IAuthorizationPolicyProvider provider, string name)
    {
        try
        {
            // Start-up runs before the server listens, with no synchronization context to block.
            return provider.GetPolicyAsync(name).GetAwaiter().GetResult() is null
                ? $"which the app's {provider.GetType().Name} does not know"
                : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A provider that needs a request (a tenant's policies read from the current HttpContext)
            // cannot answer at start-up; its requests will, so it is not second-guessed here.
            return null;
        }
    }
}
