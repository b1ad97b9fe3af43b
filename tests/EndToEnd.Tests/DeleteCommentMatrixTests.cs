using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// Deleting a comment needs the moderator role on both doors, each with its own credential: the
/// sign-in cookie on the action, a bearer token on the REST route. Every refusal is a problem and
/// leaves the comment where it was.
/// </summary>
[Collection(BlogCollection.Name)]
public sealed class DeleteCommentMatrixTests(BlogServer blog)
{
    private const int PostId = 2;

    [Theory]
    [InlineData("action", "ada cookie", 204)]
    [InlineData("action", "grace cookie", 403)]
    [InlineData("action", "none", 401)]
    [InlineData("action", "ada token", 401, 403)]
    [InlineData("rest", "ada token", 204)]
    [InlineData("rest", "grace token", 403)]
    [InlineData("rest", "none", 401)]
    [InlineData("rest", "ada cookie", 401)]
    public async Task Deleting_a_comment_through_each_door_with_each_credential(string door, string credential, params int[] expected)
    {
        var commentId = await CreateCommentAsync();
        using var client = await ClientAsync(credential);

        using var response = await client.SendAsync(DeleteRequest(door, PostId, commentId));

        ((int)response.StatusCode).Should().BeOneOf(expected, $"{credential} on the {door} door; the answer was:\n{await response.Content.ReadAsStringAsync()}");
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            (await CommentExistsAsync(commentId)).Should().BeFalse("the moderator's delete removed the comment");
            return;
        }

        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        code.Should().Be(response.StatusCode == HttpStatusCode.Unauthorized ? "unauthorized" : "forbidden");
        (await CommentExistsAsync(commentId)).Should().BeTrue("a refused delete must not reach the handler");
    }

    [Theory]
    [InlineData("action")]
    [InlineData("rest")]
    public async Task A_moderator_cannot_delete_a_comment_through_another_post(string door)
    {
        var commentId = await CreateCommentAsync();
        using var client = await ClientAsync(door == "action" ? "ada cookie" : "ada token");

        using var response = await client.SendAsync(DeleteRequest(door, 1, commentId));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("comment_not_found");
        (await CommentExistsAsync(commentId)).Should().BeTrue("the comment belongs to post 2, not post 1");
    }

    private static HttpRequestMessage DeleteRequest(string door, int postId, int commentId)
    {
        var request = door == "action"
            ? new HttpRequestMessage(HttpMethod.Post, "/_actions/DeleteComment") { Content = JsonContent.Create(new { postId, commentId }) }
            : new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/posts/{postId}/comments/{commentId}");

        // As fetch and the generated clients call: they read JSON answers, problems included.
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private async Task<HttpClient> ClientAsync(string credential) => credential switch
    {
        "ada cookie" => await BlogAccounts.SignInAsync(blog, "ada"),
        "grace cookie" => await BlogAccounts.SignInAsync(blog, "grace"),
        "ada token" => BlogAccounts.WithToken(blog, await BlogAccounts.IssueTokenAsync(blog, "ada")),
        "grace token" => BlogAccounts.WithToken(blog, await BlogAccounts.IssueTokenAsync(blog, "grace")),
        "none" => blog.CreateClient(),
        _ => throw new ArgumentOutOfRangeException(nameof(credential), credential, null),
    };

    private async Task<int> CreateCommentAsync()
    {
        using var client = blog.CreateClient();
        using var response = await client.PostAsJsonAsync($"/api/v1/posts/{PostId}/comments", new { author = "Matrix", body = "to be deleted, or not" });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<CommentDto>())!.Id;
    }

    private async Task<bool> CommentExistsAsync(int commentId)
    {
        using var client = blog.CreateClient();
        using var response = await client.GetAsync(new Uri($"/api/v1/posts/{PostId}/comments/{commentId}", UriKind.Relative));
        return response.StatusCode switch
        {
            HttpStatusCode.OK => true,
            HttpStatusCode.NotFound => false,
            var other => throw new InvalidOperationException($"GET comment {commentId} answered {other}"),
        };
    }
}
