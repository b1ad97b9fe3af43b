using System.Net;
using System.Net.Http.Json;
using Hybrid.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Contract.Tests;

public sealed class RevalidationTests
{
    [Fact]
    public async Task A_cached_read_runs_its_handler_once_and_each_shelf_has_its_own_entry()
    {
        await using var host = await ContractHost.StartAsync(outputCache: true);

        await Read(host, 1);
        using var again = await host.Client.GetAsync("/api/v1/shelves/1");
        await Read(host, 2);

        again.Headers.Age.Should().NotBeNull("the second read is served from the cache");
        host.Records().RunsOf("GetShelf:1").Should().Be(1);
        host.Records().RunsOf("GetShelf:2").Should().Be(1);
    }

    [Theory]
    [InlineData("rest")]
    [InlineData("action")]
    public async Task A_mutation_through_either_door_makes_its_shelf_fresh_and_leaves_the_other_cached(string door)
    {
        await using var host = await ContractHost.StartAsync(outputCache: true);
        await Read(host, 1);
        await Read(host, 2);

        using var added = door == "rest"
            ? await host.Client.PostAsJsonAsync("/api/v1/shelves/1/items", new { name = "lamp" })
            : await host.Client.PostAsJsonAsync("/_actions/AddToShelf", new { shelfId = 1, name = "lamp" });
        var shelf1 = await Read(host, 1);
        await Read(host, 2);

        added.IsSuccessStatusCode.Should().BeTrue();
        added.Headers.GetValues("Hybrid-Revalidated").Should().Equal("tags=(\"shelf:1\" \"item:1\"), paths=(\"/shelves/1\")");
        shelf1.Items.Should().Equal("lamp");
        host.Records().RunsOf("GetShelf:1").Should().Be(2, "the stale shelf was read again");
        host.Records().RunsOf("GetShelf:2").Should().Be(1, "the other shelf stayed cached");
    }

    [Fact]
    public async Task A_failed_handler_revalidates_nothing()
    {
        await using var host = await ContractHost.StartAsync(outputCache: true);
        await Read(host, 1);

        using var failed = await host.Client.PostAsJsonAsync("/api/v1/shelves/1/failures", new { });
        await Read(host, 1);

        failed.StatusCode.Should().Be(HttpStatusCode.Conflict);
        failed.Headers.Contains("Hybrid-Revalidated").Should().BeFalse();
        host.Records().RunsOf("GetShelf:1").Should().Be(1);
    }

    [Fact]
    public async Task A_handler_adds_stale_tags_at_run_time()
    {
        await using var host = await ContractHost.StartAsync(outputCache: true);
        await Read(host, 3);

        using var touched = await host.Client.PostAsJsonAsync("/api/v1/shelves/3/touch", new { });
        await Read(host, 3);

        touched.Headers.GetValues("Hybrid-Revalidated").Should().Equal("tags=(\"shelf:3\"), paths=()");
        host.Records().RunsOf("GetShelf:3").Should().Be(2);
    }

    [Fact]
    public async Task An_authenticated_read_is_neither_served_from_nor_stored_in_the_cache()
    {
        await using var host = await ContractHost.StartAsync(outputCache: true);
        await Read(host, 1);

        using var signedIn = new HttpRequestMessage(HttpMethod.Get, "/api/v1/shelves/1");
        signedIn.Headers.Add(HeaderUser.Header, "ada");
        using var answer = await host.Client.SendAsync(signedIn);

        answer.Headers.Age.Should().BeNull();
        answer.Headers.CacheControl!.Private.Should().BeTrue();
        host.Records().RunsOf("GetShelf:1").Should().Be(2);
    }

    [Fact]
    public async Task HybridCache_entries_with_a_stale_tag_are_removed()
    {
        await using var host = await ContractHost.StartAsync(outputCache: true, services: s => s.AddHybridCache());
        var cache = host.Services.GetRequiredService<HybridCache>();
        await cache.SetAsync("shelf-1-summary", "one item", tags: ["shelf:1"]);
        await cache.SetAsync("shelf-2-summary", "two items", tags: ["shelf:2"]);

        (await host.Client.PostAsJsonAsync("/api/v1/shelves/1/items", new { name = "lamp" })).EnsureSuccessStatusCode();

        (await cache.GetOrCreateAsync("shelf-1-summary", _ => ValueTask.FromResult("recomputed"))).Should().Be("recomputed");
        (await cache.GetOrCreateAsync("shelf-2-summary", _ => ValueTask.FromResult("recomputed"))).Should().Be("two items");
    }

    [Fact]
    public async Task An_unreachable_cache_store_does_not_fail_the_mutation()
    {
        var store = new FailingStore();
        await using var host = await ContractHost.StartAsync(outputCache: true, store: store);

        using var added = await host.Client.PostAsJsonAsync("/api/v1/shelves/5/items", new { name = "kept" });

        added.StatusCode.Should().Be(HttpStatusCode.Created);
        host.Records().Shelves[5].Should().Equal("kept");
        store.Evictions.Should().BeGreaterThan(0, "the door tried to evict");
    }

    private static async Task<ShelfView> Read(TestHost host, int shelf)
    {
        using var response = await host.Client.GetAsync($"/api/v1/shelves/{shelf}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ShelfView>())!;
    }

    /// <summary>A store whose every call fails, as Redis does when it is down.</summary>
    private sealed class FailingStore : IOutputCacheStore
    {
        public int Evictions;

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Evictions);
            throw new IOException("The cache store is unreachable.");
        }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
