using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Hybrid.Http.Idempotency;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// Hybrid.Redis's stores against a real redis-server, as two instances see them (two service
/// providers, two connections): evictions and idempotency claims are shared, and an outage is a
/// counted miss rather than an exception.
/// </summary>
[Trait("Category", "ScaleOut")]
public sealed class RedisStoreTests : IAsyncLifetime
{
    private readonly RedisServer _redis = new();

    public Task InitializeAsync() => _redis.InitializeAsync();

    public Task DisposeAsync() => _redis.DisposeAsync();

    [Fact]
    public async Task A_tag_evicted_on_one_instance_is_gone_on_the_other()
    {
        await using var one = Instance();
        await using var two = Instance();
        var first = one.GetRequiredService<IOutputCacheStore>();
        var second = two.GetRequiredService<IOutputCacheStore>();

        await first.SetAsync("post-1", [1, 2, 3], ["post:1"], TimeSpan.FromMinutes(1), default);
        (await second.GetAsync("post-1", default)).Should().Equal(1, 2, 3);
        await second.EvictByTagAsync("post:1", default);

        (await first.GetAsync("post-1", default)).Should().BeNull();
    }

    [Fact]
    public async Task A_distributed_cache_entry_written_by_one_instance_is_read_by_the_other()
    {
        await using var one = Instance();
        await using var two = Instance();

        await one.GetRequiredService<IDistributedCache>().SetAsync("shared", [4, 2], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1) });

        two.GetRequiredService<IDistributedCache>().Should().NotBeOfType<MemoryDistributedCache>();
        (await two.GetRequiredService<IDistributedCache>().GetAsync("shared")).Should().Equal(4, 2);
    }

    [Fact]
    public async Task With_Redis_down_the_output_cache_misses_skips_and_counts_instead_of_throwing()
    {
        await using var instance = Instance();
        var store = instance.GetRequiredService<IOutputCacheStore>();
        await store.SetAsync("page", [7], ["posts"], TimeSpan.FromMinutes(1), default);
        (await store.GetAsync("page", default)).Should().Equal(7);
        var failures = new ConcurrentQueue<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument is { Name: HybridRedisTelemetry.FailuresInstrument, Meter.Name: HybridTelemetry.MeterName })
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == HybridRedisTelemetry.OperationTag)
                {
                    failures.Enqueue((string)tag.Value!);
                }
            }
        });
        listener.Start();

        await _redis.StopAsync();
        var read = await store.GetAsync("page", default);
        await store.EvictByTagAsync("posts", default);
        await store.SetAsync("other", [1], ["posts"], TimeSpan.FromMinutes(1), default);

        read.Should().BeNull();
        failures.Should().Contain(["output_cache.get", "output_cache.evict", "output_cache.set"]);
    }

    [Fact]
    public async Task Of_concurrent_claims_from_two_instances_exactly_one_starts_and_the_other_replays_its_answer()
    {
        await using var one = Instance();
        await using var two = Instance();
        var stores = new[] { one.GetRequiredService<IIdempotencyStore>(), two.GetRequiredService<IIdempotencyStore>() };
        stores[0].Should().NotBeOfType<DistributedIdempotencyStore>();
        byte[] fingerprint = [1, 2, 3];

        var begun = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => stores[i % 2].BeginAsync("race", fingerprint, TimeSpan.FromMinutes(1), default).AsTask()));

        begun.Count(b => b.State == IdempotencyState.Started).Should().Be(1);
        begun.Where(b => b.State != IdempotencyState.Started).Should().OnlyContain(b => b.State == IdempotencyState.InFlight);
        await stores[0].CompleteAsync("race", fingerprint, new StoredResponse(201, [new("Location", "/api/v1/comments/9")], [42]), TimeSpan.FromMinutes(1), default);
        var replay = await stores[1].BeginAsync("race", fingerprint, TimeSpan.FromMinutes(1), default);
        replay.State.Should().Be(IdempotencyState.Completed);
        replay.Response!.Body.Should().Equal(42);
        (await stores[1].BeginAsync("race", [9], TimeSpan.FromMinutes(1), default)).State.Should().Be(IdempotencyState.Mismatch);
        await stores[1].ReleaseAsync("race", default);
        (await stores[0].BeginAsync("race", fingerprint, TimeSpan.FromMinutes(1), default)).State.Should().Be(IdempotencyState.Started);
    }

    private ServiceProvider Instance()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddOutputCache();
        services.AddHybridRedis(_redis.ConnectionString, "StoreTests");
        return services.BuildServiceProvider();
    }
}
