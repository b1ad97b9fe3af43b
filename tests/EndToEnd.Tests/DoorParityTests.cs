using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Hybrid.EndToEnd.Tests;

/// <summary>Both doors run one pipeline: the same handler gives the same result and the same problem details.</summary>
[Collection(BlogCollection.Name)]
public sealed class DoorParityTests(BlogServer blog)
{
    [Fact]
    public async Task Both_doors_return_the_same_result_for_the_same_handler()
    {
        using var session = await blog.CreateSessionAsync();
        var viaAction = await (await session.PostAsJsonAsync("/_actions/GetPost", new { postId = 1 })).Content.ReadAsStringAsync();
        var viaRest = await session.GetStringAsync(new Uri("/api/v1/posts/1", UriKind.Relative));
        JsonNode.DeepEquals(JsonNode.Parse(viaAction), JsonNode.Parse(viaRest)).Should().BeTrue($"action: {viaAction}\nrest: {viaRest}");
    }

    [Theory]
    [InlineData("", "body", "author")]
    [InlineData("someone", "", "body")]
    public async Task Both_doors_return_the_same_validation_problem(string author, string body, string field)
    {
        using var session = await blog.CreateSessionAsync();
        var viaAction = await session.PostAsJsonAsync("/_actions/CreateComment", new { postId = 1, author, body });
        var viaRest = await session.PostAsJsonAsync("/api/v1/posts/1/comments", new { author, body });
        await ShouldBeSameProblem(viaAction, viaRest, HttpStatusCode.BadRequest, "validation_failed");
        var problem = JsonNode.Parse(await viaRest.Content.ReadAsStringAsync())!;
        problem["errors"]![field].Should().NotBeNull();
    }

    [Fact]
    public async Task Both_doors_return_the_same_not_found_problem()
    {
        using var session = await blog.CreateSessionAsync();
        var viaAction = await session.PostAsJsonAsync("/_actions/GetPost", new { postId = 424242 });
        var viaRest = await session.GetAsync(new Uri("/api/v1/posts/424242", UriKind.Relative));
        await ShouldBeSameProblem(viaAction, viaRest, HttpStatusCode.NotFound, "post_not_found");
    }

    [Fact]
    public async Task A_body_of_2001_characters_is_refused_by_both_doors()
    {
        using var session = await blog.CreateSessionAsync();
        var body = new string('x', 2001);
        var viaAction = await session.PostAsJsonAsync("/_actions/CreateComment", new { postId = 1, author = "Long", body });
        var viaRest = await session.PostAsJsonAsync("/api/v1/posts/1/comments", new { author = "Long", body });
        await ShouldBeSameProblem(viaAction, viaRest, HttpStatusCode.BadRequest, "validation_failed");
    }

    private static async Task ShouldBeSameProblem(HttpResponseMessage action, HttpResponseMessage rest, HttpStatusCode status, string code)
    {
        action.StatusCode.Should().Be(status);
        rest.StatusCode.Should().Be(status);
        action.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        rest.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var a = JsonNode.Parse(await action.Content.ReadAsStringAsync())!.AsObject();
        var r = JsonNode.Parse(await rest.Content.ReadAsStringAsync())!.AsObject();
        a["code"]!.GetValue<string>().Should().Be(code);
        a["traceId"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        r["traceId"]!.GetValue<string>().Should().NotBe(a["traceId"]!.GetValue<string>());
        a.Remove("traceId");
        r.Remove("traceId");
        JsonNode.DeepEquals(a, r).Should().BeTrue($"action: {a.ToJsonString()}\nrest: {r.ToJsonString()}");
    }
}
