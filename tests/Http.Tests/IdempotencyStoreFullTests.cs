using System.Net;
using Hybrid.Http.Idempotency;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hybrid.Http.Tests;

/// <summary>
/// The in-memory cache at its size limit drops new entries: a claim it did not keep must not let the
/// operation run (a retry would run it again), so the request is a 503 and nothing runs.
/// </summary>
public sealed class IdempotencyStoreFullTests
{
    [Fact]
    public async Task A_claim_the_cache_does_not_keep_is_unavailable_and_leaves_no_record()
    {
        var cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions { SizeLimit = 16 }));
        var store = new DistributedIdempotencyStore(cache, TimeProvider.System);

        var begun = await store.BeginAsync("full", [1, 2, 3], TimeSpan.FromMinutes(5), default);

        begun.State.Should().Be(IdempotencyState.Unavailable);
        (await cache.GetAsync("full")).Should().BeNull();
    }

    [Fact]
    public async Task A_claim_the_cache_keeps_starts_then_completes_and_replays()
    {
        var cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions { SizeLimit = 1 << 20 }));
        var store = new DistributedIdempotencyStore(cache, TimeProvider.System);
        byte[] fingerprint = [1, 2, 3];

        (await store.BeginAsync("room", fingerprint, TimeSpan.FromMinutes(5), default)).State.Should().Be(IdempotencyState.Started);
        await store.CompleteAsync("room", fingerprint, new StoredResponse(201, [], "{}"u8.ToArray()), TimeSpan.FromMinutes(5), default);

        (await store.BeginAsync("room", fingerprint, TimeSpan.FromMinutes(5), default)).State.Should().Be(IdempotencyState.Completed);
    }

    [Fact]
    public async Task A_full_store_answers_503_service_unavailable_with_retry_after_and_nothing_runs()
    {
        await using var host = await RestHost.StartGuardedAsync(services: s => s.Configure<MemoryDistributedCacheOptions>(o => o.SizeLimit = 16));

        using var response = await host.Client.SendAsync(IdempotencyTests.Post("/api/v1/orders", """{"item":"lamp","quantity":2}""", "key-full"));
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));
        text.Should().Contain(ProblemCodes.ServiceUnavailable);
        host.Calls().Runs.Should().BeEmpty();
        host.Calls().Stored.Should().BeEmpty();
    }
}
