using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// ReindexPosts, the Blog's long-running operation: an editor's action that streams its progress post
/// by post and ends with <c>done</c> and a summary; anyone else is refused before the first byte; its
/// retained log answers a reconnect after the end with 204.
/// </summary>
[Collection(EditingBlogCollection.Name)]
public sealed class ReindexPostsTests(EditingBlogServer blog)
{
    [Fact]
    public async Task An_editor_sees_each_post_done_then_done_with_a_summary_and_a_stale_body_is_rebuilt()
    {
        using var session = await BlogAccounts.SignInAsync(blog, "ada");
        var id = await SaveAsync(session);
        Execute($"UPDATE posts SET body = 'stale' WHERE id = {id};");
        using var reader = blog.CreateClient();
        (await reader.GetFromJsonAsync<PostDto>($"/api/v1/posts/{id}"))!.Body.Should().Be("stale", "read (and now cached) before the reindex");

        using var response = await EventStreams.OpenAsync(session, EventStreams.Action("ReindexPosts", new { }));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var events = await EventStreams.ToEndAsync(response);

        var items = events.Where(e => e.EventType == "message").Select(e => e.Json()).ToList();
        var total = items.Count;
        total.Should().BeGreaterThanOrEqualTo(3, "the two seeded posts and this one");
        items.Select(i => i["done"]!.GetValue<int>()).Should().Equal(Enumerable.Range(1, total));
        items.Should().OnlyContain(i => i["total"]!.GetValue<int>() == total);
        items.Select(i => i["postId"]!.GetValue<int>()).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        items.Single(i => i["postId"]!.GetValue<int>() == id)["changed"]!.GetValue<bool>().Should().BeTrue();
        events[^1].EventType.Should().Be("done");
        var summary = events[^1].Json()["value"]!;
        summary["posts"]!.GetValue<int>().Should().Be(total);
        summary["changed"]!.GetValue<int>().Should().Be(items.Count(i => i["changed"]!.GetValue<bool>())).And.BeGreaterThanOrEqualTo(1);
        events.Select(e => e.EventId).Should().OnlyContain(e => e != null && e.Length > 23, "a logged stream's ids are {key}.{sequence}");

        (await reader.GetFromJsonAsync<PostDto>($"/api/v1/posts/{id}"))!.Body.Should().Be("Rebuilt from here.\n\nAnd here.", "the body is its sections' text again, and the cached read was evicted");

        // Reconnecting with the last id it got (the end) answers 204; from its first item, the rest is replayed from the log.
        using var after = await EventStreams.OpenAsync(session, EventStreams.Action("ReindexPosts", new { }, lastEventId: events[^1].EventId));
        after.StatusCode.Should().Be(HttpStatusCode.NoContent);
        using var replay = await EventStreams.OpenAsync(session, EventStreams.Action("ReindexPosts", new { }, lastEventId: events[0].EventId));
        (await EventStreams.ToEndAsync(replay)).Select(e => e.Data).Should().Equal(events.Skip(1).Select(e => e.Data));
    }

    [Fact]
    public async Task A_user_who_is_not_an_editor_is_refused_before_any_byte_of_the_stream()
    {
        using var grace = await BlogAccounts.SignInAsync(blog, "grace");
        using var forbidden = await EventStreams.OpenAsync(grace, EventStreams.Action("ReindexPosts", new { }));
        forbidden.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        forbidden.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await forbidden.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<int>().Should().Be(403);

        using var anonymous = await blog.CreateSessionAsync();
        using var unauthorized = await EventStreams.OpenAsync(anonymous, EventStreams.Action("ReindexPosts", new { }));
        unauthorized.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        unauthorized.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    private static async Task<int> SaveAsync(HttpClient session)
    {
        using var saved = await session.PostAsJsonAsync("/_actions/SavePost", new
        {
            title = "Reindexed",
            publishOn = "2026-06-01",
            sections = new[] { new { heading = "One", body = "Rebuilt from here." }, new { heading = "Two", body = "And here." } },
        });
        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        return (await saved.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = blog.DatabasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery().Should().Be(1);
    }
}
