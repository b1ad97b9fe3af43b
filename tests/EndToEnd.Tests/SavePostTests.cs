using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// The Blog's SavePost: editors write posts through the action door (the sign-in cookie) and the
/// REST door (a bearer token), as JSON or as a multipart form with or without a cover image, and
/// version 2 of GetPost reads back every field, the status by name and a blank summary as null.
/// Both doors save the same content the same way and refuse it with the same problem.
/// </summary>
[Collection(EditingBlogCollection.Name)]
public sealed class SavePostTests(EditingBlogServer blog)
{
    /// <summary>A 1×1 transparent PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    public static TheoryData<string, string> DoorsAndShapes => new()
    {
        { "action", "json" },
        { "action", "multipart" },
        { "action", "multipart with cover" },
        { "rest", "json" },
        { "rest", "multipart" },
        { "rest", "multipart with cover" },
    };

    public static TheoryData<string> Doors => ["action", "rest"];

    [Theory]
    [MemberData(nameof(DoorsAndShapes))]
    public async Task An_editor_saves_a_post_and_version_2_reads_back_every_field(string door, string shape)
    {
        using var client = await EditorAsync(door);
        var title = $"Spring {door} {shape}";

        using var response = await client.SendAsync(Save(door, HttpMethod.Post, null, Content(shape, title)));

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(door == "rest" ? HttpStatusCode.Created : HttpStatusCode.OK, text);
        var saved = JsonDocument.Parse(text).RootElement;
        var id = saved.GetProperty("id").GetInt32();
        if (door == "rest")
        {
            response.Headers.Location!.ToString().Should().Be($"/api/v1/posts/{id}");
        }

        saved.GetProperty("status").GetString().Should().Be("Published");
        var post = await GetV2Async(id);
        post.GetProperty("id").GetInt32().Should().Be(id);
        post.GetProperty("title").GetString().Should().Be(title);
        post.GetProperty("summary").ValueKind.Should().Be(JsonValueKind.Null, "an empty summary is none");
        post.GetProperty("status").GetString().Should().Be("Published");
        post.GetProperty("publishOn").GetString().Should().Be("2026-03-01");
        post.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("cms", "spring");
        post.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("heading").GetString() + ": " + s.GetProperty("body").GetString())
            .Should().Equal("Intro: Hello", "More: World");
        post.GetProperty("body").GetString().Should().Be("Hello\n\nWorld", "version 1 readers see the sections' text");
        post.GetProperty("comments").GetProperty("total").GetInt32().Should().Be(0);
        if (shape.EndsWith("with cover", StringComparison.Ordinal))
        {
            var cover = post.GetProperty("coverUrl").GetString();
            cover.Should().Be($"/posts/{id}/cover");
            using var image = await blog.CreateClient().GetAsync(new Uri(cover!, UriKind.Relative));
            image.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
            (await image.Content.ReadAsByteArrayAsync()).Should().Equal(Png);
        }
        else
        {
            post.GetProperty("coverUrl").ValueKind.Should().Be(JsonValueKind.Null);
        }
    }

    [Theory]
    [MemberData(nameof(Doors))]
    public async Task An_editor_replaces_a_post_and_keeps_its_cover(string door)
    {
        using var client = await EditorAsync(door);
        using var created = await client.SendAsync(Save(door, HttpMethod.Post, null, Content("multipart with cover", "Before")));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        using var replaced = await client.SendAsync(Save(door, HttpMethod.Put, id, Json(new
        {
            title = "After",
            summary = "Now with a summary",
            status = 2,
            publishOn = "2026-04-02",
            tags = new[] { "later" },
            sections = Array.Empty<object>(),
        })));

        var text = await replaced.Content.ReadAsStringAsync();
        replaced.StatusCode.Should().Be(HttpStatusCode.OK, text);
        var post = await GetV2Async(id);
        post.GetProperty("title").GetString().Should().Be("After");
        post.GetProperty("summary").GetString().Should().Be("Now with a summary");
        post.GetProperty("status").GetString().Should().Be("Archived", "a number is read, a name is written");
        post.GetProperty("publishOn").GetString().Should().Be("2026-04-02");
        post.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("later");
        post.GetProperty("sections").GetArrayLength().Should().Be(0);
        post.GetProperty("coverUrl").GetString().Should().Be($"/posts/{id}/cover", "a save without a cover keeps the one the post has");
    }

    [Theory]
    [MemberData(nameof(Doors))]
    public async Task Replacing_a_post_that_does_not_exist_is_404_post_not_found(string door)
    {
        using var client = await EditorAsync(door);

        using var response = await client.SendAsync(Save(door, HttpMethod.Put, 424242, Content("json", "Nowhere")));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("post_not_found");
    }

    [Theory]
    [InlineData("action", "grace", 403)]
    [InlineData("rest", "grace", 403)]
    [InlineData("action", null, 401)]
    [InlineData("rest", null, 401)]
    public async Task Only_editors_may_save_a_post(string door, string? user, int status)
    {
        using var client = user is null ? blog.CreateClient() : door == "action" ? await BlogAccounts.SignInAsync(blog, user) : BlogAccounts.WithToken(blog, await BlogAccounts.IssueTokenAsync(blog, user));
        var title = $"Refused {door} {user ?? "anonymous"}";

        using var response = await client.SendAsync(Save(door, HttpMethod.Post, null, Content("json", title)));

        ((int)response.StatusCode).Should().Be(status, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be(status == 401 ? "unauthorized" : "forbidden");
        var list = await blog.CreateClient().GetStringAsync(new Uri("/api/v1/posts?pageSize=100", UriKind.Relative));
        list.Should().NotContain(title, "a refused save must not reach the handler");
    }

    [Theory]
    [InlineData("action", "json")]
    [InlineData("action", "multipart")]
    [InlineData("rest", "json")]
    [InlineData("rest", "multipart")]
    public async Task A_title_over_200_characters_is_400_with_the_field_error(string door, string shape)
    {
        using var client = await EditorAsync(door);

        using var response = await client.SendAsync(Save(door, HttpMethod.Post, null, Content(shape, new string('t', 201))));

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, text);
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("code").GetString().Should().Be("validation_failed");
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal("title");
    }

    [Fact]
    public async Task A_cover_that_is_not_an_image_is_a_field_error()
    {
        using var client = await EditorAsync("rest");
        var form = (MultipartFormDataContent)Content("multipart", "Not an image");
        var file = new ByteArrayContent("plain text"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "cover", "notes.txt");

        using var response = await client.SendAsync(Save("rest", HttpMethod.Post, null, form));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal("cover");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("multipart")]
    public async Task Both_doors_save_the_same_post_the_same_way(string shape)
    {
        using var session = await EditorAsync("action");
        using var bearer = await EditorAsync("rest");
        using var viaAction = await session.SendAsync(Save("action", HttpMethod.Post, null, Content(shape, "Parity " + shape)));
        using var viaRest = await bearer.SendAsync(Save("rest", HttpMethod.Post, null, Content(shape, "Parity " + shape)));

        viaAction.StatusCode.Should().Be(HttpStatusCode.OK);
        viaRest.StatusCode.Should().Be(HttpStatusCode.Created);
        var a = JsonNode.Parse(await viaAction.Content.ReadAsStringAsync())!.AsObject();
        var r = JsonNode.Parse(await viaRest.Content.ReadAsStringAsync())!.AsObject();
        a["id"]!.GetValue<int>().Should().NotBe(r["id"]!.GetValue<int>(), "each door saved its own post");
        a.Remove("id");
        r.Remove("id");
        JsonNode.DeepEquals(a, r).Should().BeTrue($"action: {a.ToJsonString()}\nrest: {r.ToJsonString()}");
    }

    [Fact]
    public async Task Both_doors_refuse_a_long_title_with_the_same_problem()
    {
        using var session = await EditorAsync("action");
        using var bearer = await EditorAsync("rest");
        var title = new string('t', 201);

        using var viaAction = await session.SendAsync(Save("action", HttpMethod.Post, null, Content("json", title)));
        using var viaRest = await bearer.SendAsync(Save("rest", HttpMethod.Post, null, Content("json", title)));

        var a = JsonNode.Parse(await viaAction.Content.ReadAsStringAsync())!.AsObject();
        var r = JsonNode.Parse(await viaRest.Content.ReadAsStringAsync())!.AsObject();
        viaAction.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        viaRest.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        a.Remove("traceId");
        r.Remove("traceId");
        JsonNode.DeepEquals(a, r).Should().BeTrue($"action: {a.ToJsonString()}\nrest: {r.ToJsonString()}");
        a["errors"]!["title"].Should().NotBeNull();
    }

    private async Task<HttpClient> EditorAsync(string door) =>
        door == "action" ? await BlogAccounts.SignInAsync(blog, "ada") : BlogAccounts.WithToken(blog, await BlogAccounts.IssueTokenAsync(blog, "ada"));

    private async Task<JsonElement> GetV2Async(int id)
    {
        using var client = blog.CreateClient();
        return JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v2/posts/{id}", UriKind.Relative))).RootElement;
    }

    internal static HttpRequestMessage Save(string door, HttpMethod method, int? postId, HttpContent content)
    {
        if (door == "action" && postId is { } id)
        {
            content = WithPostId(content, id);
        }

        var request = door == "action"
            ? new HttpRequestMessage(HttpMethod.Post, "/_actions/SavePost") { Content = content }
            : new HttpRequestMessage(method, method == HttpMethod.Put ? $"/api/v1/posts/{postId}" : "/api/v1/posts") { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    /// <summary>The content every save sends, as JSON or as a browser's multipart form (indexed sections, repeated tags), optionally with a cover.</summary>
    internal static HttpContent Content(string shape, string title)
    {
        if (shape == "json")
        {
            return Json(new
            {
                title,
                summary = "",
                status = "Published",
                publishOn = "2026-03-01",
                tags = new[] { "spring", "cms", "Spring" },
                sections = new[] { new { heading = "Intro", body = "Hello" }, new { heading = "More", body = "World" } },
            });
        }

        var form = new MultipartFormDataContent
        {
            { new StringContent(title), "title" },
            { new StringContent(""), "summary" },
            { new StringContent("Published"), "status" },
            { new StringContent("2026-03-01"), "publishOn" },
            { new StringContent("spring"), "tags" },
            { new StringContent("cms"), "tags" },
            { new StringContent("Intro"), "sections[0].heading" },
            { new StringContent("Hello"), "sections[0].body" },
            { new StringContent("More"), "sections[1].heading" },
            { new StringContent("World"), "sections[1].body" },
        };
        if (shape == "multipart with cover")
        {
            var cover = new ByteArrayContent(Png);
            cover.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(cover, "cover", "cover.png");
        }

        return form;
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    /// <summary>The action door names the post in the body; the REST door's PUT in the URL.</summary>
    private static HttpContent WithPostId(HttpContent content, int id)
    {
        if (content is MultipartFormDataContent form)
        {
            form.Add(new StringContent(id.ToString(System.Globalization.CultureInfo.InvariantCulture)), "postId");
            return form;
        }

        var json = JsonNode.Parse(content.ReadAsStringAsync().GetAwaiter().GetResult())!.AsObject();
        json["postId"] = id;
        return new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json");
    }
}
