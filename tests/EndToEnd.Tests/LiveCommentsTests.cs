using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// The post page's live comment list: the page follows FollowComments through the action door with
/// the enhancement script alone (no JavaScript of the Blog's own), so a comment posted by someone
/// else shows up without a reload, as text; the list's connection closes when it leaves the page.
/// </summary>
[Collection(BlogCollection.Name)]
public sealed class LiveCommentsTests(BlogServer blog)
{
    [Fact]
    public async Task Comments_posted_from_another_browser_and_by_REST_appear_on_an_open_post_page_without_a_reload()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var reader = await chromium.NewPageAsync();
        var post = new Uri(blog.BaseAddress, "/posts/2").ToString();
        await BlogAccounts.SignInInBrowserAsync(reader, blog, "ada", "/posts/2");
        await reader.EvaluateAsync("() => { window.__notReloaded = true; document.addEventListener('hybrid:refreshed', () => { window.__refreshed = true; }); }");
        await Assertions.Expect(reader.Locator("#comments")).ToHaveAttributeAsync("data-hybrid-stream-state", "open");

        // Another browser (its own cookies, no BroadcastChannel shared with the reader) posts through the enhanced form.
        var writer = await chromium.NewPageAsync();
        await writer.GotoAsync(post);
        var fromForm = "From another browser " + Guid.NewGuid().ToString("N")[..8];
        await writer.FillAsync("input[name=author]", "Writer");
        await writer.FillAsync("textarea[name=body]", fromForm);
        await writer.ClickAsync("#comment-form button[type=submit]");
        await Assertions.Expect(reader.Locator("#comments li.comment").Filter(new LocatorFilterOptions { HasText = fromForm })).ToHaveCountAsync(1);

        // A mobile client's comment, with markup in it: shown as text, never as HTML.
        using var client = blog.CreateClient();
        var markup = "<b>bold?</b> <img src=x onerror=alert(1)> " + Guid.NewGuid().ToString("N")[..8];
        using var created = await client.PostAsJsonAsync("/api/v1/posts/2/comments", new { author = "Mobile <i>user</i>", body = markup });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var comment = (await created.Content.ReadFromJsonAsync<CommentDto>())!;
        var item = reader.Locator($"#comments li.comment[data-hybrid-key='{comment.Id}']");
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await Assertions.Expect(item.Locator(".author")).ToHaveTextAsync("Mobile <i>user</i>");
        await Assertions.Expect(item.Locator(".body")).ToHaveTextAsync(markup);
        (await item.Locator("b, i, img").CountAsync()).Should().Be(0, "item data is set as text");
        await Assertions.Expect(item.Locator("time")).ToHaveAttributeAsync("datetime", comment.CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

        // The moderator's template carries the Delete form, its comment id filled in.
        await Assertions.Expect(item.Locator("form.delete input[name=commentId]")).ToHaveValueAsync(comment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        (await reader.EvaluateAsync<bool>("() => window.__notReloaded === true")).Should().BeTrue("the page was not reloaded");
        (await reader.EvaluateAsync<bool>("() => window.__refreshed === true")).Should().BeFalse("the live list showed them, not a refresh of the region");
        await Assertions.Expect(reader.Locator("#comments li.comment")).ToHaveCountAsync(await CountAsync(client, 2));
    }

    [Fact]
    public async Task The_list_closes_its_connection_when_it_leaves_the_page()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        var failed = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        page.RequestFailed += (_, request) =>
        {
            if (request.Url.EndsWith("/_actions/FollowComments", StringComparison.Ordinal))
            {
                failed.TrySetResult(request.Failure);
            }
        };
        await page.GotoAsync(new Uri(blog.BaseAddress, "/posts/1").ToString());
        await Assertions.Expect(page.Locator("#comments")).ToHaveAttributeAsync("data-hybrid-stream-state", "open");
        failed.Task.IsCompleted.Should().BeFalse();

        await page.EvaluateAsync("() => document.getElementById('comments').remove()");

        (await failed.Task.WaitAsync(TimeSpan.FromSeconds(10))).Should().Contain("ERR_ABORTED", "the script aborts the stream's fetch, it does not wait for the garbage collector");
    }

    [Fact]
    public async Task Only_the_last_page_of_comments_is_live_and_it_starts_after_its_newest_comment()
    {
        using var client = blog.CreateClient();
        var html = await client.GetStringAsync(new Uri("/posts/1", UriKind.Relative));
        var newest = (await client.GetFromJsonAsync<PostDto>("/api/v1/posts/1"))!.Comments.Max(c => c.Id);
        html.Should().Contain("data-hybrid-stream=\"FollowComments\"").And.Contain("data-hybrid-url=\"/_actions/FollowComments\"")
            .And.Contain("data-hybrid-args=\"{&quot;postId&quot;:1}\"").And.Contain($"data-hybrid-last-event-id=\"{newest}\"");

        var earlier = await client.GetStringAsync(new Uri("/posts/1?comments=2", UriKind.Relative));
        earlier.Should().NotContain("data-hybrid-stream", "a page past the last one has no live list");
    }

    private static async Task<int> CountAsync(HttpClient client, int postId) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/v2/posts/{postId}?pageSize=100"))!["comments"]!["total"]!.GetValue<int>();
}
