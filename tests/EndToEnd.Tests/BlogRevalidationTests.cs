using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// The Blog's post page and post reads are cached; a comment added or removed through an action, a
/// REST call or the webhook makes the next read of that post fresh on every surface, and the other
/// post's entries stay cached (served with an <c>Age</c> header).
/// </summary>
[Collection(BlogCollection.Name)]
public sealed class BlogRevalidationTests(BlogServer blog)
{
    // v2 pages the comments (20 by default): other tests of this Blog add comments to post 1, so the new one is read from a page that holds it.
    private static readonly string[] PostOneReads = ["/posts/1", "/api/v1/posts/1", "/api/v2/posts/1?pageSize=100"];

    [Theory]
    [InlineData("action")]
    [InlineData("rest")]
    [InlineData("webhook")]
    public async Task A_mutation_through_any_door_makes_the_post_fresh_and_leaves_the_other_post_cached(string door)
    {
        using var client = blog.CreateClient();
        using var added = await client.PostAsJsonAsync("/api/v1/posts/1/comments", new { author = "Cache", body = "seed " + door });
        var seeded = JsonNode.Parse(await added.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();
        await WarmAsync(client, [.. PostOneReads, "/api/v1/posts/2", "/posts/2"]);

        var marker = "fresh through " + door + " " + Guid.NewGuid().ToString("N")[..8];
        using var mutation = door switch
        {
            "action" => await client.PostAsJsonAsync("/_actions/CreateComment", new { postId = 1, author = "Cache", body = marker }),
            "rest" => await client.PostAsJsonAsync("/api/v1/posts/1/comments", new { author = "Cache", body = marker }),
            _ => await client.SendAsync(ModerationWebhookTests.Delivery($$"""{"commentId": {{seeded}}, "verdict": "remove"}""", "msg_" + Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow)),
        };

        mutation.IsSuccessStatusCode.Should().BeTrue(await mutation.Content.ReadAsStringAsync());
        mutation.Headers.GetValues("Hybrid-Revalidated").Single().Should().Be("tags=(\"post:1\"), paths=(\"/posts/1\")");
        foreach (var path in PostOneReads)
        {
            using var read = await client.GetAsync(new Uri(path, UriKind.Relative));
            read.Headers.Age.Should().BeNull($"{path} was made stale by the {door} mutation");
            var text = await read.Content.ReadAsStringAsync();
            if (door == "webhook")
            {
                text.Should().NotContain("seed " + door, $"{path} no longer shows the removed comment");
            }
            else
            {
                text.Should().Contain(marker, $"{path} shows the new comment");
            }
        }

        foreach (var path in new[] { "/api/v1/posts/2", "/posts/2" })
        {
            using var other = await client.GetAsync(new Uri(path, UriKind.Relative));
            other.Headers.Age.Should().NotBeNull($"{path} belongs to another post and stays cached");
        }
    }

    [Fact]
    public async Task A_failed_mutation_revalidates_nothing()
    {
        using var client = blog.CreateClient();
        await WarmAsync(client, ["/api/v1/posts/2"]);

        using var invalid = await client.PostAsJsonAsync("/api/v1/posts/2/comments", new { author = "", body = "" });
        using var read = await client.GetAsync(new Uri("/api/v1/posts/2", UriKind.Relative));

        invalid.Headers.Contains("Hybrid-Revalidated").Should().BeFalse();
        read.Headers.Age.Should().NotBeNull();
    }

    /// <summary>Reads each path twice, so the second answer comes from the cache.</summary>
    private static async Task WarmAsync(HttpClient client, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            (await client.GetAsync(new Uri(path, UriKind.Relative))).EnsureSuccessStatusCode();
            using var cached = await client.GetAsync(new Uri(path, UriKind.Relative));
            cached.Headers.Age.Should().NotBeNull($"{path} is served from the cache once warm");
        }
    }
}
