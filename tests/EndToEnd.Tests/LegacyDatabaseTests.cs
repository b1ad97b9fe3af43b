using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hybrid.EndToEnd.Tests;

/// <summary>A blog.db from before SavePost keeps working: its posts read with defaults, its roles carry over, and its ada may write posts.</summary>
[Collection(LegacyDatabaseBlogCollection.Name)]
public sealed class LegacyDatabaseTests(LegacyDatabaseBlogServer blog)
{
    [Fact]
    public async Task An_old_post_reads_as_published_on_the_default_date_with_no_summary_sections_or_cover()
    {
        blog.DatabaseWasFresh.Should().BeFalse();
        using var client = blog.CreateClient();

        var post = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v2/posts/1", UriKind.Relative))).RootElement;

        post.GetProperty("title").GetString().Should().Be("An old post");
        post.GetProperty("body").GetString().Should().Be("Written before sections.");
        post.GetProperty("status").GetString().Should().Be("Published");
        post.GetProperty("publishOn").GetString().Should().Be("2026-01-01");
        post.GetProperty("summary").ValueKind.Should().Be(JsonValueKind.Null);
        post.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("old");
        post.GetProperty("sections").GetArrayLength().Should().Be(0);
        post.GetProperty("coverUrl").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task The_old_moderator_ada_is_an_editor_too_and_grace_still_has_no_role()
    {
        using var ada = await BlogAccounts.SignInAsync(blog, "ada");
        using var grace = await BlogAccounts.SignInAsync(blog, "grace");

        using var saved = await ada.SendAsync(SavePostTests.Save("action", HttpMethod.Put, 2, SavePostTests.Content("json", "Another old post, rewritten")));
        using var refused = await grace.SendAsync(SavePostTests.Save("action", HttpMethod.Post, null, SavePostTests.Content("json", "Not grace's")));

        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);

        // Her moderator role carried over: she may still delete a comment.
        using var comment = await blog.CreateClient().PostAsJsonAsync("/api/v1/posts/1/comments", new { author = "Old", body = "to delete" });
        var commentId = (await comment.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var deleted = await ada.PostAsJsonAsync("/_actions/DeleteComment", new { postId = 1, commentId });
        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent, await deleted.Content.ReadAsStringAsync());
    }
}
