using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// The sample's moderation webhook, signed with the development secret of
/// samples/Blog/appsettings.Development.json (the sample runs in Development, as <c>dotnet run</c> starts it).
/// </summary>
[Collection(BlogCollection.Name)]
public sealed class ModerationWebhookTests(BlogServer blog)
{
    private const string DevelopmentSecret = "whsec_YmxvZy1kZXZlbG9wbWVudC13ZWJob29rLXNlY3JldCE=";

    [Fact]
    public async Task A_verified_remove_verdict_deletes_the_comment()
    {
        using var client = blog.CreateClient();
        var comment = await AddCommentAsync(client, "To be moderated");

        using var response = await client.SendAsync(Delivery($$"""{"commentId": {{comment.Id}}, "verdict": "remove"}""", "msg_" + Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.GetFromJsonAsync<PostDto>("/api/v1/posts/1"))!.Comments.Should().NotContain(c => c.Id == comment.Id);
    }

    public static TheoryData<string> Refusals => new() { "bad signature", "tampered body", "old timestamp", "no signature", "other secret" };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_delivery_that_does_not_verify_is_401_and_the_comment_stays(string what)
    {
        using var client = blog.CreateClient();
        var comment = await AddCommentAsync(client, "Must survive: " + what);
        var body = $$"""{"commentId": {{comment.Id}}, "verdict": "remove"}""";
        var id = "msg_" + Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow;
        var message = what switch
        {
            "bad signature" => Delivery(body, id, now, signature: "v1," + Convert.ToBase64String(new byte[32])),
            "tampered body" => Delivery(body, id, now, sentBody: $$"""{"commentId": {{comment.Id - 1}}, "verdict": "remove"}"""),
            "old timestamp" => Delivery(body, id, now.AddMinutes(-6)),
            "other secret" => Delivery(body, id, now, secret: "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("not-the-blog-development-secret!"))),
            _ => Delivery(body, id, now, signature: ""),
        };

        using var response = await client.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("webhook_signature_invalid");
        (await client.GetFromJsonAsync<PostDto>("/api/v1/posts/1"))!.Comments.Should().Contain(c => c.Id == comment.Id);
    }

    [Fact]
    public async Task A_verified_delivery_with_an_unknown_verdict_is_400_and_the_comment_stays()
    {
        using var client = blog.CreateClient();
        var comment = await AddCommentAsync(client, "Verdict unknown");

        using var response = await client.SendAsync(Delivery($$"""{"commentId": {{comment.Id}}, "verdict": "burn"}""", "msg_" + Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("verdict");
        (await client.GetFromJsonAsync<PostDto>("/api/v1/posts/1"))!.Comments.Should().Contain(c => c.Id == comment.Id);
    }

    [Fact]
    public async Task The_webhook_is_not_an_action()
    {
        using var session = await blog.CreateSessionAsync();

        using var response = await session.PostAsJsonAsync("/_actions/ModerateComment", new { commentId = 1, verdict = "remove" });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static async Task<CommentDto> AddCommentAsync(HttpClient client, string body)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/posts/1/comments", new { author = "Moderated", body });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<CommentDto>())!;
    }

    internal static HttpRequestMessage Delivery(string body, string id, DateTimeOffset at, string secret = DevelopmentSecret, string? signature = null, string? sentBody = null)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signed = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/moderation")
        {
            Content = new StringContent(sentBody ?? body, Encoding.UTF8, "application/json"),
        };
        message.Headers.Add("webhook-id", id);
        message.Headers.Add("webhook-timestamp", timestamp);
        if (signature is not "")
        {
            message.Headers.Add("webhook-signature", signature ?? "v1," + Convert.ToBase64String(signed));
        }

        return message;
    }
}
