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

        foreach (var endpoint in endpoints.Where(e => e.UnknownTimeoutPolicy is not null).DistinctBy(e => (e.Operation, e.UnknownTimeoutPolicy)))
        {
            errors.Add(new("HYB073", $"{Name(endpoint.Operation)} asks for the request timeout policy '{endpoint.UnknownTimeoutPolicy}', which the app does not define, so ASP.NET Core's request timeouts middleware would fail every call. Fix: add it with services.AddRequestTimeouts(o => o.AddPolicy(\"{endpoint.UnknownTimeoutPolicy}\", TimeSpan.FromSeconds(10))), or name a defined policy."));
        }

        var timed = endpoints.Where(e => e.Timeout is not null).Select(e => Name(e.Operation)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (timed.Count > 0 && !RequestTimeoutServices.Registered(services))
        {
            errors.Add(new("HYB074", $"{string.Join(", ", timed.Take(5))}{(timed.Count > 5 ? $" and {timed.Count - 5} more" : string.Empty)} declare a request timeout, but ASP.NET Core's request timeout services are not registered, so nothing would cancel them. Fix: call services.AddRequestTimeouts() and app.UseRequestTimeouts() (after routing), or remove the timeout."));
        }

        errors.AddRange(UnknownPolicies.Check(endpoints, services));
        var streams = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HybridOptions>>().Value.Streams;
        errors.AddRange(endpoints.SelectMany(e => StreamChecks.Endpoint(e, streams)).DistinctBy(e => e.ToString()));
        foreach (var operation in endpoints.GroupBy(e => e.Operation))
        {
            var name = Name(operation.Key);
            var all = operation.ToList();

            // By instance: attributes are one instance on every endpoint, and Attribute.Equals compares fields by reflection.
            var attributes = new HashSet<object>(operation.Key.Metadata, ReferenceEqualityComparer.Instance);
            Reach<ReadCacheAttribute>(all, attributes, e => e.Door.CachesReads && e.Method == HttpMethods.Get, () => SettingRules.ReadCacheWithoutGet(name), errors);
            Reach<RevalidatesAttribute>(all, attributes, e => e.Method != HttpMethods.Get, () => SettingRules.RevalidatesOnlyReads(name), errors);
            Reach<StandardWebhookAttribute>(all, attributes, e => e.Door.VerifiesWebhooks && e.Method == HttpMethods.Post, () => SettingRules.WebhookWithoutPost(name), errors);
            Reach<IdempotentAttribute>(all, attributes, e => e.Door.ReplaysIdempotentRequests && EndpointSettingsResolver.TakesIdempotencyKey(e.Method), () => SettingRules.IdempotentWithoutWrite(name), errors);
            foreach (var endpoint in all)
            {
                CheckAdded(endpoint, attributes, name, catalog, errors);
                if (endpoint.ReadCache is not null &&
                    (!endpoint.Metadata.OfType<SettingsReadCachePolicy>().Any() ||
                     endpoint.Metadata.Any(m => m is OutputCacheAttribute || (m is IOutputCachePolicy && m is not SettingsReadCachePolicy))))
                {
                    errors.Add(SettingRules.ReadCacheOverridden(name, endpoint.Endpoint.Display));
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
    private static void Reach<T>(List<EndpointSettings> endpoints, HashSet<object> attributes, Func<EndpointSettings, bool> acts, Func<HybridConfigurationError> error, List<HybridConfigurationError> errors)
        where T : class
    {
        Dictionary<T, bool>? reached = null;
        foreach (var endpoint in endpoints)
        {
            foreach (var item in endpoint.Metadata)
            {
                if (item is T declared)
                {
                    reached ??= new Dictionary<T, bool>(ReferenceEqualityComparer.Instance);
                    reached[declared] = reached.GetValueOrDefault(declared) || acts(endpoint);
                }
            }
        }

        // Attributes were checked with the catalog, under the same id.
        if (reached is not null && reached.Any(r => !r.Value && !attributes.Contains(r.Key)))
        {
            errors.Add(error());
        }
    }

    /// <summary>The rules for what a convention added to one endpoint (attributes were checked with the catalog).</summary>
    private static void CheckAdded(EndpointSettings endpoint, HashSet<object> attributes, string name, OperationCatalog catalog, List<HybridConfigurationError> errors)
    {
        var problems = false;
        foreach (var item in endpoint.Metadata)
        {
            if (attributes.Contains(item))
            {
                continue;
            }

            switch (item)
            {
                case IdempotentAttribute idempotent:
                    errors.AddRange(SettingRules.Idempotent(name, idempotent));
                    break;
                case StandardWebhookAttribute webhook:
                    if (!endpoint.Door.VerifiesWebhooks)
                    {
                        errors.Add(SettingRules.WebhookOnUnverifiedDoor(name, endpoint.Door.Name));
                    }

                    errors.AddRange(SettingRules.Webhook(name, webhook));
                    break;
                case RevalidatesAttribute stale:
                    errors.AddRange(SettingRules.Revalidates(name, endpoint.Operation, stale.Targets));
                    break;
                case ReadCacheAttribute read:
                    errors.AddRange(SettingRules.ReadCache(name, catalog.ShapeOf(endpoint.Operation), read));
                    break;
                case ProducesProblemAttribute:
                    problems = true;
                    break;
                default:
                    break;
            }
        }

        if (problems)
        {
            errors.AddRange(SettingRules.Problems(name, endpoint.Problems));
        }
    }
}
