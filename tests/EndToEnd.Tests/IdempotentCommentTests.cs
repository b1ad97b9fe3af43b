using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Hybrid.EndToEnd.Tests;

/// <summary>The sample's comment route takes an Idempotency-Key: retries, even concurrent ones, add one comment.</summary>
[Collection(BlogCollection.Name)]
public sealed class IdempotentCommentTests(BlogServer blog)
{
    [Fact]
    public async Task Twenty_concurrent_posts_with_one_key_create_exactly_one_comment()
    {
        using var client = blog.CreateClient();
        var body = "Concurrent retry " + Guid.NewGuid().ToString("N");
        var json = $$"""{"author":"Retrier","body":"{{body}}"}""";
        var key = Guid.NewGuid().ToString();
        async Task<(HttpStatusCode StatusCode, Uri? Location, string Body, bool Replayed)> SendAsync()
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/posts/1/comments") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            message.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(message);
            return (response.StatusCode, response.Headers.Location, await response.Content.ReadAsStringAsync(), response.Headers.Contains("Idempotent-Replayed"));
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => SendAsync()));

        var answers = responses.ToList();
        answers.Should().HaveCount(20).And.OnlyContain(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
        var created = answers.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        created.Should().NotBeEmpty();
        created.Count(r => !r.Replayed).Should().BeLessThanOrEqualTo(1);
        created.Select(r => r.Location).Distinct().Should().ContainSingle();
        created.Select(r => r.Body).Distinct().Should().ContainSingle();
        var post = await client.GetFromJsonAsync<PostDto>("/api/v1/posts/1");
        post!.Comments.Where(c => c.Body == body).Should().ContainSingle();

        // Once the first has finished, a retry is always the replay.
        using var retry = new HttpRequestMessage(HttpMethod.Post, "/api/v1/posts/1/comments") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        retry.Headers.Add("Idempotency-Key", key);
        using var replayed = await client.SendAsync(retry);
        replayed.StatusCode.Should().Be(HttpStatusCode.Created);
        replayed.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        replayed.Headers.Location.Should().Be(created[0].Location);
        (await client.GetFromJsonAsync<PostDto>("/api/v1/posts/1"))!.Comments.Where(c => c.Body == body).Should().ContainSingle();
    }

    [Fact]
    public async Task The_same_key_with_another_comment_is_422_and_adds_nothing()
    {
        using var client = blog.CreateClient();
        var key = Guid.NewGuid().ToString();
        var first = "First " + key;
        var second = "Second " + key;

        using var created = await client.SendAsync(Comment(key, first));
        using var reused = await client.SendAsync(Comment(key, second));

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        reused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await reused.Content.ReadAsStringAsync()).Should().Contain("idempotency_key_reused");
        var post = await client.GetFromJsonAsync<PostDto>("/api/v1/posts/1");
        post!.Comments.Should().ContainSingle(c => c.Body == first);
        post.Comments.Should().NotContain(c => c.Body == second);
    }

    private static HttpRequestMessage Comment(string key, string body)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/posts/1/comments")
        {
            Content = JsonContent.Create(new { author = "Retrier", body }),
        };
        message.Headers.Add("Idempotency-Key", key);
        return message;
    }
}
