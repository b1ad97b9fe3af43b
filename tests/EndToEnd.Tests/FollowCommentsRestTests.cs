using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// FollowComments as a mobile app or curl calls it: <c>GET /api/v1/posts/{postId}/comments/live</c>,
/// as server-sent events or JSON Lines, from now or after a comment id (<c>Last-Event-ID</c>).
/// </summary>
[Collection(BlogCollection.Name)]
public sealed class FollowCommentsRestTests(BlogServer blog)
{
    [Fact]
    public async Task A_follower_gets_the_comments_posted_after_it_connected_as_server_sent_events()
    {
        using var client = blog.CreateClient();
        using var response = await EventStreams.OpenAsync(client, EventStreams.Get("/api/v1/posts/1/comments/live"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        response.Headers.CacheControl!.NoCache.Should().BeTrue();

        var first = await CreateAsync(client, "First after connecting");
        var second = await CreateAsync(client, "Second after connecting");
        var items = await EventStreams.ItemsAsync(response, 2);

        items.Select(i => i.EventId).Should().Equal(Id(first), Id(second));
        items[0].Json()["authorName"]!.GetValue<string>().Should().Be("Follower");
        items[0].Json()["body"]!.GetValue<string>().Should().Be("First after connecting");
        items[1].Json()["id"]!.GetValue<int>().Should().Be(second.Id);
    }

    [Fact]
    public async Task A_follower_that_resumes_after_a_comment_id_gets_what_came_after_it_as_json_lines()
    {
        using var client = blog.CreateClient();
        var missed = await CreateAsync(client, "Posted while the app was away");

        using var response = await EventStreams.OpenAsync(client, EventStreams.Get("/api/v1/posts/1/comments/live", "application/jsonl", lastEventId: Id(missed.Id - 1)));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/jsonl");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var line = JsonNode.Parse((await reader.ReadLineAsync(timeout.Token))!)!;

        line["type"]!.GetValue<string>().Should().Be("item");
        line["id"]!.GetValue<string>().Should().Be(Id(missed.Id));
        line["data"]!["body"]!.GetValue<string>().Should().Be("Posted while the app was away");
    }

    [Fact]
    public async Task An_unknown_post_is_a_plain_404_and_a_position_that_is_no_comment_id_is_a_reset()
    {
        using var client = blog.CreateClient();
        using var missing = await EventStreams.OpenAsync(client, EventStreams.Get("/api/v1/posts/9999/comments/live"));
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await missing.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>().Should().Be("post_not_found");

        using var unknown = await EventStreams.OpenAsync(client, EventStreams.Get("/api/v1/posts/1/comments/live", lastEventId: "not-a-comment"));
        var events = await EventStreams.ToEndAsync(unknown);
        events.Select(e => e.EventType).Should().Equal("reset");
        events[0].Json()["code"]!.GetValue<string>().Should().Be("stream_reset");
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Id(CommentDto comment) => Id(comment.Id);

    private static async Task<CommentDto> CreateAsync(HttpClient client, string body)
    {
        using var created = await client.PostAsJsonAsync("/api/v1/posts/1/comments", new { author = "Follower", body });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await created.Content.ReadFromJsonAsync<CommentDto>())!;
    }
}
