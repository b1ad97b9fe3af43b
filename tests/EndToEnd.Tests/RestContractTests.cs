using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Hybrid.EndToEnd.Tests;

/// <summary>The Blog's REST door as a public contract, over Kestrel: versions, HEAD, ETags, routing answers.</summary>
[Collection(BlogCollection.Name)]
public sealed class RestContractTests(BlogServer blog)
{
    [Fact]
    public async Task Version_1_of_a_post_still_answers_deprecated_with_a_sunset_and_its_successor()
    {
        using var client = blog.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/v1/posts/1", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Deprecation").Should().Equal("@" + new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds());
        response.Headers.GetValues("Sunset").Should().Equal("Wed, 30 Jun 2027 00:00:00 GMT");
        response.Headers.GetValues("Link").Should().Equal("</api/v2/posts/1>; rel=\"successor-version\"");
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["comments"].Should().BeOfType<JsonArray>();
    }

    [Fact]
    public async Task Version_2_of_a_post_pages_its_comments_and_gives_the_author_as_an_object()
    {
        using var client = blog.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            (await client.PostAsJsonAsync("/api/v1/posts/2/comments", new { author = "Pager " + i, body = "comment " + i })).EnsureSuccessStatusCode();
        }

        using var response = await client.GetAsync(new Uri("/api/v2/posts/2?page=2&pageSize=2", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Contains("Deprecation").Should().BeFalse();
        var post = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var page = post["comments"]!;
        page["page"]!.GetValue<int>().Should().Be(2);
        page["pageSize"]!.GetValue<int>().Should().Be(2);
        page["total"]!.GetValue<int>().Should().BeGreaterThanOrEqualTo(3);
        page["items"]!.AsArray().Should().NotBeEmpty().And.HaveCountLessThanOrEqualTo(2);
        page["items"]![0]!["author"]!["name"]!.GetValue<string>().Should().StartWith("Pager ");
    }

    [Fact]
    public async Task Version_2_validates_its_paging_members()
    {
        using var client = blog.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/v2/posts/1?pageSize=500", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["code"]!.GetValue<string>().Should().Be("validation_failed");
        problem["errors"]!["pageSize"].Should().NotBeNull();
    }

    [Fact]
    public async Task HEAD_answers_a_GET_route_with_its_headers_and_no_body()
    {
        using var client = blog.CreateClient();

        using var get = await client.GetAsync(new Uri("/api/v1/posts/1", UriKind.Relative));
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/v1/posts/1"));

        head.StatusCode.Should().Be(HttpStatusCode.OK);
        head.Content.Headers.ContentLength.Should().Be(get.Content.Headers.ContentLength);
        head.Headers.ETag.Should().Be(get.Headers.ETag);
        (await head.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_post_answers_304_until_a_comment_changes_it()
    {
        using var client = blog.CreateClient();
        using var first = await client.GetAsync(new Uri("/api/v2/posts/2", UriKind.Relative));
        var tag = first.Headers.ETag!.Tag;

        using var unchanged = new HttpRequestMessage(HttpMethod.Get, "/api/v2/posts/2");
        unchanged.Headers.TryAddWithoutValidation("If-None-Match", tag);
        using var notModified = await client.SendAsync(unchanged);
        (await client.PostAsJsonAsync("/api/v1/posts/2/comments", new { author = "Tagger", body = "changes the post" })).EnsureSuccessStatusCode();
        using var changed = new HttpRequestMessage(HttpMethod.Get, "/api/v2/posts/2");
        changed.Headers.TryAddWithoutValidation("If-None-Match", tag);
        using var fresh = await client.SendAsync(changed);

        notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await notModified.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        fresh.StatusCode.Should().Be(HttpStatusCode.OK);
        fresh.Headers.ETag!.Tag.Should().NotBe(tag);
    }

    [Theory]
    [InlineData("DELETE", "/api/v1/posts/1", HttpStatusCode.MethodNotAllowed, "method_not_allowed")]
    [InlineData("GET", "/api/v1/no-such-thing", HttpStatusCode.NotFound, "route_not_found")]
    [InlineData("GET", "/api/v9/posts/1", HttpStatusCode.NotFound, "route_not_found")]
    public async Task Routing_answers_under_the_REST_prefix_are_problems_with_a_code(string method, string path, HttpStatusCode status, string code)
    {
        using var client = blog.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]!.GetValue<string>().Should().Be(code);
        if (status == HttpStatusCode.MethodNotAllowed)
        {
            response.Content.Headers.Allow.Should().BeEquivalentTo(["GET", "HEAD", "PUT", "OPTIONS"], "SavePost replaces a post with PUT on the same path");
        }
    }
}

/// <summary>The Blog's declared comment limit, tightened to 3 a minute.</summary>
[Collection(RateLimitedBlogCollection.Name)]
public sealed class CommentRateLimitTests(RateLimitedBlogServer blog)
{
    [Fact]
    public async Task The_fourth_comment_in_a_minute_is_a_429_problem_with_Retry_After_and_is_not_stored()
    {
        using var client = blog.CreateClient();
        var before = await CountComments(client);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/posts/1/comments", new { author = "Eager", body = "comment " + i });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
        }

        statuses.Should().Equal(HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests);
        refused!.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 60);
        JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["code"]!.GetValue<string>().Should().Be("rate_limited");
        (await CountComments(client)).Should().Be(before + 3);
    }

    private static async Task<int> CountComments(HttpClient client) =>
        JsonNode.Parse(await client.GetStringAsync(new Uri("/api/v1/posts/1", UriKind.Relative)))!["comments"]!.AsArray().Count;
}
