using System.Net;
using System.Text;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// The live Blog's MCP door, as an agent reaches it: ListPosts, GetPost and CreateComment are tools
/// for anyone; ModerateComment only for a moderator's token, listed and called; an anonymous call of
/// it is challenged with the protected-resource metadata an MCP client follows.
/// </summary>
[Collection(BlogCollection.Name)]
public sealed class BlogMcpTests(BlogServer blog)
{
    [Fact]
    public async Task Anyone_lists_the_posts_tools_and_only_a_moderators_token_lists_and_calls_ModerateComment()
    {
        await using var anonymous = await ConnectAsync(token: null);
        await using var grace = await ConnectAsync(await BlogAccounts.IssueTokenAsync(blog, "grace"));
        await using var ada = await ConnectAsync(await BlogAccounts.IssueTokenAsync(blog, "ada"));

        (await anonymous.ListToolsAsync()).Select(t => t.Name).Should().Equal("CreateComment", "GetPost", "ListPosts");
        (await grace.ListToolsAsync()).Select(t => t.Name).Should().Equal("CreateComment", "GetPost", "ListPosts");
        (await ada.ListToolsAsync()).Select(t => t.Name).Should().Equal("CreateComment", "GetPost", "ListPosts", "ModerateComment");

        var post = await anonymous.CallToolAsync("GetPost", new Dictionary<string, object?> { ["postId"] = 1 });
        post.StructuredContent!.Value.GetProperty("id").GetInt32().Should().Be(1);
        var comment = await anonymous.CallToolAsync("CreateComment", new Dictionary<string, object?> { ["postId"] = 1, ["author"] = "An agent", ["body"] = "Read it all." });
        var commentId = comment.StructuredContent!.Value.GetProperty("id").GetInt32();

        var refused = await grace.CallToolAsync("ModerateComment", new Dictionary<string, object?> { ["commentId"] = commentId, ["verdict"] = "remove" });
        refused.IsError.Should().BeTrue();
        refused.Content.OfType<TextContentBlock>().Single().Text.Should().Contain("\"code\":\"forbidden\"");
        (await ada.CallToolAsync("ModerateComment", new Dictionary<string, object?> { ["commentId"] = commentId, ["verdict"] = "remove" })).IsError.Should().NotBe(true);
    }

    [Fact]
    public async Task An_anonymous_call_of_ModerateComment_is_challenged_with_the_protected_resource_metadata()
    {
        using var client = blog.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"ModerateComment","arguments":{"commentId":1,"verdict":"keep"}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Accept", "application/json, text/event-stream");

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var metadata = new Uri(blog.BaseAddress, "/.well-known/oauth-protected-resource/mcp");
        response.Headers.WwwAuthenticate.ToString().Should().Be($"Bearer resource_metadata=\"{metadata}\"");
        (await client.GetStringAsync(metadata)).Should().Contain($"\"resource\":\"{new Uri(blog.BaseAddress, "/mcp")}\"");
    }

    private async Task<McpClient> ConnectAsync(string? token)
    {
        var headers = token is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Authorization"] = "Bearer " + token };
        return await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(blog.BaseAddress, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = headers,
        }));
    }
}
