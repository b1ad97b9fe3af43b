using System.Net;
using System.Net.Http.Json;

namespace Hybrid.EndToEnd.Tests;

[Collection(BlogCollection.Name)]
public sealed class SampleStartupTests(BlogServer blog)
{
    [Fact]
    public async Task Starts_on_loopback_against_a_fresh_sqlite_file_and_seeds_it()
    {
        blog.DatabaseWasFresh.Should().BeTrue();
        File.Exists(blog.DatabasePath).Should().BeTrue("the sample creates its database on first run");
        blog.BaseAddress.Host.Should().Be("127.0.0.1");

        using var client = blog.CreateClient();
        var post = await client.GetFromJsonAsync<PostDto>("/api/v1/posts/1");
        post!.Title.Should().Be("Hello, Hybrid");
        post.Comments.Should().Contain(c => c.Author == "Ada");
    }

    [Fact]
    public async Task Serves_the_post_page_with_its_comments_and_a_form_that_posts_the_action()
    {
        using var client = blog.CreateClient();
        var response = await client.GetAsync(new Uri("/posts/1", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("Hello, Hybrid").And.Contain("First!");
        html.Should().Contain("action=\"/_actions/CreateComment\"").And.Contain("name=\"__formUrl\"").And.Contain("value=\"/posts/1\"");
        html.Should().NotContain("__RequestVerificationToken", "the sample runs without antiforgery tokens: the origin check guards its actions");
    }

    [Fact]
    public async Task Serves_both_documents_and_keeps_actions_out_of_the_public_one()
    {
        using var client = blog.CreateClient();
        var v1 = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var actions = await client.GetStringAsync(new Uri("/openapi/actions.json", UriKind.Relative));
        v1.Should().Contain("/api/v1/posts/{postId}/comments").And.NotContain("/_actions/");
        actions.Should().Contain("/_actions/CreateComment").And.NotContain("/api/v1/");
    }
}
