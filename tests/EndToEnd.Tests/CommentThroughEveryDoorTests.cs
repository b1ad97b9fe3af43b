using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Hybrid.EndToEnd.Tests;

/// <summary>The "done when": a comment added through the page, the action and the REST route appears on the post.</summary>
[Collection(BlogCollection.Name)]
public sealed class CommentThroughEveryDoorTests(BlogServer blog)
{
    [Fact]
    public async Task A_comment_added_through_the_page_appears_on_the_post()
    {
        // JavaScript off: the plain forms themselves post to the actions (PageScriptTests covers the script).
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(javaScript: false);
        await page.GotoAsync(new Uri(blog.BaseAddress, "/posts/2").ToString());
        await page.FillAsync("input[name=author]", "Browser");
        await page.FillAsync("textarea[name=body]", "Posted from a real form, no JavaScript");
        await Chromium.SubmitAsync(page, () => page.ClickAsync("#comment-form button[type=submit]"), new Uri(blog.BaseAddress, "/posts/2").ToString());

        var comments = page.Locator("#comments li.comment");
        await Assertions.Expect(comments.Filter(new LocatorFilterOptions { HasText = "Posted from a real form, no JavaScript" })).ToHaveCountAsync(1);

        using var client = blog.CreateClient();
        var post = await client.GetFromJsonAsync<PostDto>("/api/v1/posts/2");
        post!.Comments.Should().ContainSingle(c => c.Author == "Browser");

        // The comment's own form deletes it through the DeleteComment action, again without JavaScript,
        // once a moderator has signed in (deleting needs the role).
        await BlogAccounts.SignInInBrowserAsync(page, blog, "ada", "/posts/2");
        var added = comments.Filter(new LocatorFilterOptions { HasText = "Posted from a real form, no JavaScript" });
        await Chromium.SubmitAsync(page, () => added.Locator("form.delete button").ClickAsync(), new Uri(blog.BaseAddress, "/posts/2").ToString());
        await Assertions.Expect(added).ToHaveCountAsync(0);
        (await client.GetFromJsonAsync<PostDto>("/api/v1/posts/2"))!.Comments.Should().NotContain(c => c.Author == "Browser");
    }

    [Fact]
    public async Task A_comment_added_through_the_action_appears_on_the_post()
    {
        using var session = await blog.CreateSessionAsync();
        var response = await session.PostAsJsonAsync("/_actions/CreateComment", new { postId = 1, author = "Action", body = "Through POST /_actions/CreateComment" });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var created = await response.Content.ReadFromJsonAsync<CommentDto>();

        var html = await session.GetStringAsync(new Uri("/posts/1", UriKind.Relative));
        html.Should().Contain("Through POST /_actions/CreateComment");
        using var client = blog.CreateClient();
        (await client.GetFromJsonAsync<PostDto>("/api/v1/posts/1"))!.Comments.Should().ContainEquivalentOf(created);
    }

    [Fact]
    public async Task A_comment_added_through_the_rest_route_appears_on_the_post()
    {
        using var client = blog.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/posts/1/comments", new { author = "Mobile", body = "Through POST /api/v1/posts/1/comments" });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<CommentDto>();
        response.Headers.Location!.ToString().Should().Be($"/api/v1/posts/1/comments/{created!.Id}");

        var fetched = await client.GetFromJsonAsync<CommentDto>(response.Headers.Location);
        fetched.Should().BeEquivalentTo(created);
        var html = await client.GetStringAsync(new Uri("/posts/1", UriKind.Relative));
        html.Should().Contain("Through POST /api/v1/posts/1/comments");
    }

    [Fact]
    public async Task An_action_posted_from_another_site_is_refused_and_stores_nothing()
    {
        using var client = blog.CreateClient();
        var before = (await client.GetFromJsonAsync<PostDto>("/api/v1/posts/2"))!.Comments.Count;

        using var modern = new HttpRequestMessage(HttpMethod.Post, "/_actions/CreateComment") { Content = JsonContent.Create(new { postId = 2, author = "Forger", body = "cross-site" }) };
        modern.Headers.Add("Sec-Fetch-Site", "cross-site");
        modern.Headers.Add("Origin", "https://evil.example");
        using var older = new HttpRequestMessage(HttpMethod.Post, "/_actions/CreateComment") { Content = JsonContent.Create(new { postId = 2, author = "Forger", body = "no fetch metadata" }) };
        older.Headers.Add("Origin", "https://evil.example");

        foreach (var request in new[] { modern, older })
        {
            using var response = await client.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await response.Content.ReadAsStringAsync()).Should().Contain("\"code\":\"cross_site_request\"");
        }

        (await client.GetFromJsonAsync<PostDto>("/api/v1/posts/2"))!.Comments.Should().HaveCount(before);
    }
}
