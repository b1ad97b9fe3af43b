using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Hybrid.EndToEnd.Tests;

/// <summary>The sample with its streams' connections ended after 2 s (Blog:MaxStreamSeconds), as a proxy or a deploy would end them.</summary>
public sealed class ShortStreamsBlogServer : BlogServer
{
    protected override IEnumerable<string> ExtraArguments => ["--Blog:MaxStreamSeconds=2"];
}

[CollectionDefinition(Name)]
public sealed class ShortStreamsBlogCollection : ICollectionFixture<ShortStreamsBlogServer>
{
    public const string Name = "blog whose streams end every 2 s";
}

/// <summary>
/// A live list whose connection the server ends (a resumable <c>reconnect</c>) picks up where it was:
/// the script reconnects with the id of the last comment it showed, so nothing is lost or shown twice.
/// </summary>
[Collection(ShortStreamsBlogCollection.Name)]
public sealed class LiveCommentsResumeTests(ShortStreamsBlogServer blog)
{
    [Fact]
    public async Task The_live_list_resumes_from_its_last_comment_after_the_server_ends_the_connection()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        var connects = new ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.EndsWith("/_actions/FollowComments", StringComparison.Ordinal))
            {
                connects.Enqueue(request.Headers.GetValueOrDefault("last-event-id") ?? "");
            }
        };
        using var client = blog.CreateClient();
        var newest = (await client.GetFromJsonAsync<PostDto>("/api/v1/posts/1"))!.Comments.Max(c => c.Id);
        await page.GotoAsync(new Uri(blog.BaseAddress, "/posts/1").ToString());
        await page.EvaluateAsync("() => { window.__notReloaded = true; }");

        var first = await CreateAsync(client, "Before the cut");
        await Assertions.Expect(page.Locator($"#comments li.comment[data-hybrid-key='{first}']")).ToHaveCountAsync(1);
        var resumed = first.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await WaitAsync(() => connects.Contains(resumed), "a reconnect after the server ended the stream, from the last comment shown");

        var second = await CreateAsync(client, "After the cut");
        await Assertions.Expect(page.Locator($"#comments li.comment[data-hybrid-key='{second}']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($"#comments li.comment[data-hybrid-key='{first}']")).ToHaveCountAsync(1);
        connects.First().Should().Be(newest.ToString(System.Globalization.CultureInfo.InvariantCulture), "the first connect starts after the page's newest comment");
        (await page.EvaluateAsync<bool>("() => window.__notReloaded === true")).Should().BeTrue();
        await Assertions.Expect(page.Locator("#comments")).Not.ToHaveAttributeAsync("data-hybrid-stream-state", "ended");
    }

    private static async Task<int> CreateAsync(HttpClient client, string text)
    {
        using var created = await client.PostAsJsonAsync("/api/v1/posts/1/comments", new { author = "Resumer", body = text });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await created.Content.ReadFromJsonAsync<CommentDto>())!.Id;
    }

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        condition().Should().BeTrue(what);
    }
}
