using System.Net;
using System.Net.Http.Json;
using Hybrid.Testing;

namespace Hybrid.EndToEnd.Tests;

/// <summary>The Blog's list over the REST door: repeated tags (any of them), paging, and its validation.</summary>
[Collection(BlogCollection.Name)]
public sealed class PostListTests(BlogServer blog)
{
    private async Task<List<PostSummaryDto>> ListAsync(string query)
    {
        using var client = blog.CreateClient();
        using var response = await client.GetAsync("/api/v1/posts" + query);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<List<PostSummaryDto>>())!;
    }

    [Fact]
    public async Task Without_parameters_every_post_is_listed_newest_first_with_its_tags()
    {
        var posts = await ListAsync(string.Empty);

        posts.Select(p => p.Id).Should().Equal(2, 1);
        posts[0].Tags.Should().Equal("hybrid", "rest");
        posts[1].Tags.Should().Equal("hybrid", "intro");
    }

    [Theory]
    [InlineData("?tag=rest", new[] { 2 })]
    [InlineData("?tag=REST", new[] { 2 })]
    [InlineData("?tag=intro&tag=rest", new[] { 2, 1 })]
    [InlineData("?tag=intro&tag=nothing", new[] { 1 })]
    [InlineData("?tag=nothing", new int[0])]
    [InlineData("?tag=hybrid&page=1&pageSize=1", new[] { 2 })]
    [InlineData("?tag=hybrid&page=2&pageSize=1", new[] { 1 })]
    [InlineData("?page=3&pageSize=1", new int[0])]
    [InlineData("?page=10000&pageSize=100", new int[0])]
    public async Task Tags_filter_by_any_of_them_and_pages_follow(string query, int[] expected)
    {
        var posts = await ListAsync(query);

        posts.Select(p => p.Id).Should().Equal(expected);
    }

    [Theory]
    [InlineData("?page=0", "page")]
    [InlineData("?page=10001", "page")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?pageSize=101", "pageSize")]
    [InlineData("?pageSize=ten", "pageSize")]
    public async Task An_out_of_range_or_unparsable_page_is_400_naming_it(string query, string field)
    {
        using var client = blog.CreateClient();

        using var response = await client.GetAsync("/api/v1/posts" + query);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.ValidationFailed);
        problem.Errors!.Keys.Should().Equal(field);
    }

    [Fact]
    public async Task A_repeated_page_is_400_rather_than_either_page()
    {
        using var client = blog.CreateClient();

        using var response = await client.GetAsync("/api/v1/posts?tag=hybrid&page=1&page=2&pageSize=1");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.ValidationFailed);
        problem.Errors.Should().ContainKey("page").WhoseValue.Should().Equal("The page parameter must be given once.");
    }

    [Fact]
    public async Task The_action_door_takes_the_same_filter_from_its_json_body()
    {
        using var session = await blog.CreateSessionAsync();

        using var response = await session.PostAsJsonAsync("/_actions/ListPosts", new { tag = new[] { "intro" }, pageSize = 5 });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<List<PostSummaryDto>>())!.Select(p => p.Id).Should().Equal(1);
    }
}
