using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;

namespace Hybrid;

/// <summary>
/// The output-cache policy a door puts on a GET that declares a read cache: it asks the endpoint's
/// settings for the cache (duration and tags as resolved from the final metadata) and applies that,
/// so output caching reads the same setting as the documents and the inventory.
/// </summary>
internal sealed class SettingsReadCachePolicy(HybridEndpointMetadata endpoint) : IOutputCachePolicy
{
    public HybridEndpointMetadata Endpoint { get; } = endpoint;

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) =>
        Policy(context) is { } policy ? policy.CacheRequestAsync(context, cancellation) : ValueTask.CompletedTask;

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        Policy(context) is { } policy ? policy.ServeFromCacheAsync(context, cancellation) : ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) =>
        Policy(context) is { } policy ? policy.ServeResponseAsync(context, cancellation) : ValueTask.CompletedTask;

    private ReadCachePolicy? Policy(OutputCacheContext context)
    {
        if (Endpoint.Settings is { } settings)
        {
            return settings.ReadCachePolicy;
        }

        var store = (EndpointSettingsStore)context.HttpContext.RequestServices.GetService(typeof(EndpointSettingsStore))!;
        return store.Of(Endpoint, context.HttpContext.GetEndpoint()?.Metadata ?? (IReadOnlyList<object>)[]).ReadCachePolicy;
    }
}
