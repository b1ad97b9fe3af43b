using Hybrid;
using Hybrid.Http.Idempotency;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what several instances of a Hybrid app must share, kept in one Redis (docs/scaling-out.md).</summary>
public static class HybridRedisServiceCollectionExtensions
{
    /// <summary>
    /// Shares through the Redis at <paramref name="connectionString"/> (StackExchange.Redis syntax,
    /// e.g. <c>127.0.0.1:6379</c> or <c>cache.example:6380,ssl=true,password=…</c>): the output cache
    /// store (entries and tag evictions), <see cref="IDistributedCache"/> (and with it HybridCache's
    /// second level), Idempotency-Key records (claimed with an atomic <c>SET NX</c>), the logs
    /// streams resume from (Redis Streams, so a client reconnects to any instance) and the Data
    /// Protection key ring (form state, antiforgery tokens, auth cookies). Every key starts with
    /// <paramref name="applicationName"/>, which is also Data Protection's application name: instances
    /// of one app must use the same name, and two apps on one Redis different ones. A cache store that
    /// cannot reach Redis answers a miss, a stream goes on without its log (logged, counted in <see cref="HybridRedisTelemetry.FailuresInstrument"/>)
    /// rather than failing the request. Call it before or after <c>AddOutputCache</c> and <c>AddHybrid</c>.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="connectionString">The StackExchange.Redis configuration string.</param>
    /// <param name="applicationName">The app's name: the key prefix and Data Protection's application name.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddHybridRedis(this IServiceCollection services, string connectionString, string applicationName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationName);

        var connection = new RedisConnection(connectionString);
        var prefix = applicationName + ":";
        services.AddSingleton(connection);
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RedisFailures>();

        // Removed first, so the in-memory cache AddHybrid adds with TryAdd never wins, whatever the order.
        services.RemoveAll<IDistributedCache>();
        services.AddStackExchangeRedisCache(options =>
        {
            options.ConnectionMultiplexerFactory = connection.ConnectAsync;
            options.InstanceName = prefix + "cache:";
        });

        services.RemoveAll<IOutputCacheStore>();
        services.AddStackExchangeRedisOutputCache(options =>
        {
            options.ConnectionMultiplexerFactory = connection.ConnectAsync;
            options.InstanceName = prefix + "output:";
        });
        var redisStore = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(redisStore);
        services.AddSingleton<IOutputCacheStore>(provider => new GuardedOutputCacheStore(
            Create<IOutputCacheStore>(provider, redisStore),
            provider.GetRequiredService<RedisFailures>(),
            connection));

        services.RemoveAll<IIdempotencyStore>();
        services.AddSingleton<IIdempotencyStore>(provider => new RedisIdempotencyStore(connection, prefix, provider.GetRequiredService<TimeProvider>()));

        services.RemoveAll<IStreamLog>();
        services.AddSingleton<IStreamLog>(provider => new RedisStreamLog(connection, prefix, provider.GetRequiredService<RedisFailures>()));

        // One key ring for every instance: what one seals (form state, antiforgery tokens, the sign-in
        // cookie) the others open. The application name isolates it from other apps' keys.
        services.AddDataProtection().SetApplicationName(applicationName);
        services.AddOptions<KeyManagementOptions>().Configure(options =>
            options.XmlRepository = new RedisXmlRepository(connection.Database, prefix + "data-protection-keys"));
        return services;
    }

    private static T Create<T>(IServiceProvider provider, ServiceDescriptor descriptor)
        where T : class => descriptor switch
        {
            { ImplementationInstance: T instance } => instance,
            { ImplementationFactory: { } factory } => (T)factory(provider),
            { ImplementationType: { } type } => (T)ActivatorUtilities.CreateInstance(provider, type),
            _ => throw new InvalidOperationException("The Redis output cache store's registration has no implementation."),
        };
}
