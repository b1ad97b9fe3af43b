using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid;

/// <summary>
/// The start-up checks over the endpoints' settings: what only the final metadata can show. A
/// setting that reaches no endpoint where it can act (a read cache only on an action, revalidation
/// only on a GET, a webhook or idempotent retries on no POST) is an error, not silently ignored; a
/// webhook that reaches a door that does not verify signatures is one too. Metadata that a
/// convention added (not an attribute, which the catalog already checked) keeps the same value
/// rules as attributes (<see cref="SettingRules"/>).
/// </summary>
internal static class EndpointChecks
{
    public static IReadOnlyList<HybridConfigurationError> Run(IReadOnlyList<EndpointSettings> endpoints, OperationCatalog catalog, IServiceProvider services)
    {
        var errors = new List<HybridConfigurationError>();
        var guarded = endpoints.Where(e => e.RequiresAntiforgeryToken).Select(e => Name(e.Operation)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (guarded.Count > 0 && services.GetService<IAntiforgery>() is null)
        {
            errors.Add(new("HYB023", $"Antiforgery tokens are required (options.Actions().RequireAntiforgeryTokens, [RequiresAntiforgeryToken] or RequireAntiforgeryToken()) by {string.Join(", ", guarded.Take(5))}{(guarded.Count > 5 ? $" and {guarded.Count - 5} more" : string.Empty)}, but ASP.NET Core's antiforgery services are not registered. Fix: call services.AddAntiforgery(o => o.HeaderName = HybridAntiforgery.HeaderName), or leave tokens off and rely on the origin check."));
        }

        foreach (var operation in endpoints.GroupBy(e => e.Operation))
        {
            var name = Name(operation.Key);
            var all = operation.ToList();

            Reach<ReadCacheAttribute>(all, e => e.Door.CachesReads && e.Method == HttpMethods.Get, () => SettingRules.ReadCacheWithoutGet(name), errors);
            Reach<RevalidatesAttribute>(all, e => e.Method != HttpMethods.Get, () => SettingRules.RevalidatesOnlyReads(name), errors);
            Reach<StandardWebhookAttribute>(all, e => e.Door.VerifiesWebhooks && e.Method == HttpMethods.Post, () => SettingRules.WebhookWithoutPost(name), errors);
            Reach<IdempotentAttribute>(all, e => e.Door.ReplaysIdempotentRequests && EndpointSettingsResolver.TakesIdempotencyKey(e.Method), () => SettingRules.IdempotentWithoutWrite(name), errors);
            foreach (var endpoint in all)
            {
                if (!endpoint.Door.VerifiesWebhooks && Added<StandardWebhookAttribute>(endpoint).Any())
                {
                    errors.Add(SettingRules.WebhookOnAction(name));
                }

                foreach (var idempotent in Added<IdempotentAttribute>(endpoint))
                {
                    errors.AddRange(SettingRules.Idempotent(name, idempotent));
                }

                foreach (var webhook in Added<StandardWebhookAttribute>(endpoint))
                {
                    errors.AddRange(SettingRules.Webhook(name, webhook));
                }

                errors.AddRange(SettingRules.Revalidates(name, endpoint.Operation, Added<RevalidatesAttribute>(endpoint).SelectMany(a => a.Targets)));
                foreach (var read in Added<ReadCacheAttribute>(endpoint))
                {
                    errors.AddRange(SettingRules.ReadCache(name, catalog.ShapeOf(endpoint.Operation), read));
                }

                if (Added<ProducesProblemAttribute>(endpoint).Any())
                {
                    errors.AddRange(SettingRules.Problems(name, endpoint.Problems));
                }

                if (endpoint.ReadCache is not null &&
                    (!endpoint.Metadata.OfType<SettingsReadCachePolicy>().Any() ||
                     endpoint.Metadata.Any(m => m is OutputCacheAttribute || (m is IOutputCachePolicy && m is not SettingsReadCachePolicy))))
                {
                    errors.Add(SettingRules.ReadCacheOverridden(name, endpoint.Route?.ToString() ?? endpoint.Door.Name));
                }
            }
        }

        return [.. errors.DistinctBy(e => (e.Id, e.Message))];
    }

    public static string Name(HybridOperation operation) => operation.RequestType.FullName ?? operation.RequestType.Name;

    /// <summary>
    /// Each declaration of <typeparamref name="T"/> must reach at least one endpoint of the operation
    /// that can act on it. Declarations are told apart by instance: an attribute is one instance on
    /// every endpoint; <c>WithMetadata(x)</c> one on the endpoints its builder reached.
    /// </summary>
    private static void Reach<T>(List<EndpointSettings> endpoints, Func<EndpointSettings, bool> acts, Func<HybridConfigurationError> error, List<HybridConfigurationError> errors)
        where T : class
    {
        var reached = new Dictionary<T, bool>(ReferenceEqualityComparer.Instance);
        foreach (var endpoint in endpoints)
        {
            foreach (var declared in endpoint.Metadata.OfType<T>())
            {
                reached[declared] = reached.GetValueOrDefault(declared) || acts(endpoint);
            }
        }

        // Attributes were checked with the catalog, under the same id.
        var operation = endpoints[0].Operation;
        if (reached.Any(r => !r.Value && !operation.Metadata.Contains(r.Key)))
        {
            errors.Add(error());
        }
    }

    /// <summary>The declarations of <typeparamref name="T"/> a convention added (not the operation's attributes, which the catalog checked).</summary>
    private static IEnumerable<T> Added<T>(EndpointSettings endpoint)
        where T : class =>
        endpoint.Metadata.OfType<T>().Where(m => !endpoint.Operation.Metadata.Contains(m));
}
