using System.Text;
using Hybrid.Http.Idempotency;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Hybrid.Http.Tests;

/// <summary>
/// The default store's limit holds in real memory: with the in-memory cache, records of the size the
/// Blog's comments give hold at most the limit of managed heap (the old store held 2.3 times its
/// accounting: a string key and a cache entry per record it did not count), and at the limit the oldest
/// answers go, never a claim in flight. Alone in its collection: it measures the whole process's heap.
/// </summary>
[Collection(Name)]
public sealed class IdempotencyMemoryTests(ITestOutputHelper output)
{
    public const string Name = "heap measured alone";

    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Fact]
    public async Task The_default_store_holds_at_most_its_size_limit_of_managed_heap_and_its_size_is_that_heap()
    {
        const long limit = 16 << 20;
        using var provider = new ServiceCollection().AddDistributedMemoryCache(o => o.SizeLimit = limit).BuildServiceProvider();
        var before = LiveHeap();
        var store = IdempotencyStores.Resolve(provider);

        // 60,000 records of about 300 bytes: about 40% more than the limit holds.
        const int records = 60_000;
        for (var i = 0; i < records; i++)
        {
            var key = "hybrid:idempotency:" + Convert.ToHexString(Fingerprint(i));
            var begun = await store.BeginAsync(key, Fingerprint(i), Day, default);
            if (begun.State == IdempotencyState.Started)
            {
                await store.CompleteAsync(key, Fingerprint(i), Comment(i), Day, default);
            }
        }

        var held = LiveHeap() - before;
        GC.KeepAlive(store);
        if (store is MemoryIdempotencyStore kept)
        {
            output.WriteLine(FormattableString.Invariant($"{held:N0} bytes of heap for {kept.Count:N0} records ({held / Math.Max(1, kept.Count):N0} each); Size {kept.Size:N0}, limit {limit:N0}"));
        }

        held.Should().BeLessThanOrEqualTo((long)(limit * 1.1), "the limit bounds the heap the records hold, within 10 %");
        var memory = store.Should().BeOfType<MemoryIdempotencyStore>().Subject;
        memory.Count.Should().BeInRange(records / 3, records - 1, "the oldest answers were evicted to make room, and most records kept");
        memory.Size.Should().BeLessThanOrEqualTo(limit);
        ((double)held / memory.Size).Should().BeInRange(0.9, 1.1, "the store's size is the heap its records hold");
    }

    [Fact]
    public async Task At_its_limit_the_store_evicts_the_oldest_answers_and_keeps_a_claim_in_flight()
    {
        var store = new MemoryIdempotencyStore(64 * 1024, TimeProvider.System);
        (await store.BeginAsync("in flight", [7], Day, default)).State.Should().Be(IdempotencyState.Started);

        for (var i = 0; i < 1_000; i++)
        {
            (await store.BeginAsync("answer " + i, Fingerprint(i), Day, default)).State.Should().Be(IdempotencyState.Started);
            await store.CompleteAsync("answer " + i, Fingerprint(i), Comment(i), Day, default);
            store.Size.Should().BeLessThanOrEqualTo(64 * 1024);
        }

        (await store.BeginAsync("in flight", [7], Day, default)).State.Should().Be(IdempotencyState.InFlight);
        (await store.BeginAsync("answer 999", Fingerprint(999), Day, default)).State.Should().Be(IdempotencyState.Completed);
        (await store.BeginAsync("answer 0", Fingerprint(0), Day, default)).State.Should().Be(IdempotencyState.Started, "the oldest answer was evicted, so its key is free again");
    }

    [Fact]
    public async Task Claims_that_alone_fill_the_store_make_it_refuse_the_next_and_release_makes_room()
    {
        var one = new MemoryIdempotencyStore(long.MaxValue, TimeProvider.System);
        (await one.BeginAsync("first", [1], Day, default)).State.Should().Be(IdempotencyState.Started);
        var store = new MemoryIdempotencyStore(one.Size, TimeProvider.System);

        (await store.BeginAsync("first", [1], Day, default)).State.Should().Be(IdempotencyState.Started);
        (await store.BeginAsync("second", [2], Day, default)).State.Should().Be(IdempotencyState.Unavailable);
        store.Count.Should().Be(1);
        await store.ReleaseAsync("first", default);

        (await store.BeginAsync("second", [2], Day, default)).State.Should().Be(IdempotencyState.Started);
    }

    [Fact]
    public async Task Expired_records_free_their_key_and_their_memory()
    {
        var clock = new ManualClock();
        var store = new MemoryIdempotencyStore(1 << 20, clock);
        for (var i = 0; i < 1_000; i++)
        {
            await store.BeginAsync("old " + i, [1], TimeSpan.FromMinutes(5), default);
            await store.CompleteAsync("old " + i, [1], Comment(i), TimeSpan.FromMinutes(5), default);
        }

        var full = store.Size;
        clock.Now += TimeSpan.FromMinutes(6);

        (await store.BeginAsync("old 0", [1], TimeSpan.FromMinutes(5), default)).State.Should().Be(IdempotencyState.Started);
        store.Count.Should().Be(1, "the first call after a minute scans out what expired");
        store.Size.Should().BeLessThan(full / 2, "every chunk of answers but the newest was freed");
    }

    [Fact]
    public void Another_distributed_cache_keeps_the_records_and_a_registered_store_wins()
    {
        using var other = new ServiceCollection().AddSingleton<IDistributedCache, OtherCache>().BuildServiceProvider();
        using var registered = new ServiceCollection().AddDistributedMemoryCache().AddSingleton<IIdempotencyStore, DistributedIdempotencyStore>()
            .AddSingleton<IDistributedCache, OtherCache>().AddSingleton(TimeProvider.System).BuildServiceProvider();

        IdempotencyStores.Resolve(other).Should().BeOfType<DistributedIdempotencyStore>();
        IdempotencyStores.Resolve(registered).Should().BeSameAs(registered.GetRequiredService<IIdempotencyStore>());
    }

    private static long LiveHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static byte[] Fingerprint(int i) => System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i));

    // What the Blog stores for a comment: 201, its type and Location, and the comment's JSON.
    private static StoredResponse Comment(int i) => new(
        201,
        [new("Content-Type", "application/json; charset=utf-8"), new("Location", $"/api/v1/posts/{i % 1000}/comments/{i}")],
        Encoding.UTF8.GetBytes($$"""{"id":{{i}},"postId":{{i % 1000}},"author":"soak","body":"soak comment {{Guid.NewGuid()}}","createdAt":"2026-12-07T09:00:00.1234567+00:00"}"""));

    /// <summary>An IDistributedCache that is not the in-memory one (as Redis's or SQL Server's would be), over a real one.</summary>
    private sealed class OtherCache() : IDistributedCache
    {
        private readonly MemoryDistributedCache _inner = new(Options.Create(new Microsoft.Extensions.Caching.Memory.MemoryDistributedCacheOptions()));

        public byte[]? Get(string key) => _inner.Get(key);

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => _inner.GetAsync(key, token);

        public void Refresh(string key) => _inner.Refresh(key);

        public Task RefreshAsync(string key, CancellationToken token = default) => _inner.RefreshAsync(key, token);

        public void Remove(string key) => _inner.Remove(key);

        public Task RemoveAsync(string key, CancellationToken token = default) => _inner.RemoveAsync(key, token);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => _inner.Set(key, value, options);

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => _inner.SetAsync(key, value, options, token);
    }
}

/// <summary>Tests that measure the process's heap run alone, after every other collection.</summary>
[CollectionDefinition(IdempotencyMemoryTests.Name, DisableParallelization = true)]
public sealed class HeapMeasuredAlone;
