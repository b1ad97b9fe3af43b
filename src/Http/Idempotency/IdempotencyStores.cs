using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hybrid.Http.Idempotency;

/// <summary>Which store the REST door's idempotent routes share.</summary>
internal static class IdempotencyStores
{
    /// <summary>
    /// The app's <see cref="IIdempotencyStore"/> (<c>AddHybridRedis</c> registers one); else, while
    /// <see cref="IDistributedCache"/> is the in-memory one, records in this process within its
    /// <see cref="MemoryCacheOptions.SizeLimit"/> counted in real bytes; else the app's cache.
    /// </summary>
    public static IIdempotencyStore Resolve(IServiceProvider services)
    {
        if (services.GetService<IIdempotencyStore>() is { } store)
        {
            return store;
        }

        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var cache = services.GetRequiredService<IDistributedCache>();

        // MemoryDistributedCache counts a record's bytes only, not its key or entry: about 2.3 times
        // less than the heap a small record holds, so its limit would not bound memory.
        return cache is MemoryDistributedCache
            ? new MemoryIdempotencyStore(services.GetRequiredService<IOptions<MemoryDistributedCacheOptions>>().Value.SizeLimit, time)
            : new DistributedIdempotencyStore(cache, time);
    }
}
