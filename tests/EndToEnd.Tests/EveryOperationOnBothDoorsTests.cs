using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// Every Blog operation that is both an action and a REST route gives the same answer through both
/// doors (ids and timestamps aside); the list of cases is checked against the documents, so an
/// operation opened on a second door without a case here fails.
/// </summary>
[Collection(EditingBlogCollection.Name)]
public sealed class EveryOperationOnBothDoorsTests(EditingBlogServer blog)
{
    /// <summary>A 1×1 transparent PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private static readonly string[] Cases = ["AddAttachment", "CreateComment", "DeleteComment", "FollowComments", "GetComment", "GetPost", "ListPosts", "SavePost"];

    public static TheoryData<string> Operations => [.. Cases];

    [Fact]
    public async Task The_cases_are_exactly_the_operations_on_both_doors()
    {
        using var http = blog.CreateClient();
        var actions = OperationIds(await http.GetStringAsync(new Uri("/openapi/actions.json", UriKind.Relative)));
        var rest = new HashSet<string>(StringComparer.Ordinal);
        foreach (var version in new[] { "v1", "v2" })
        {
            // A second route of one operation is "{id}2", "{id}3"...
            rest.UnionWith(OperationIds(await http.GetStringAsync(new Uri($"/openapi/{version}.json", UriKind.Relative))).Select(id => id.TrimEnd('2', '3', '4')));
        }

        actions.Intersect(rest).Order(StringComparer.Ordinal).Should().Equal(Cases.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Both_doors_give_the_same_answer(string operation)
    {
        using var session = await BlogAccounts.SignInAsync(blog, "ada");
        using var token = BlogAccounts.WithToken(blog, await BlogAccounts.IssueTokenAsync(blog, "ada"));
        var (action, rest) = operation switch
        {
            "ListPosts" => (await session.PostAsJsonAsync("/_actions/ListPosts", new { tag = new[] { "hybrid" } }), await token.GetAsync(new Uri("/api/v1/posts?tag=hybrid", UriKind.Relative))),
            "GetPost" => (await session.PostAsJsonAsync("/_actions/GetPost", new { postId = 1 }), await token.GetAsync(new Uri("/api/v1/posts/1", UriKind.Relative))),
            "GetComment" => await GetCommentAsync(session, token),
            "CreateComment" => (await session.PostAsJsonAsync("/_actions/CreateComment", new { postId = 1, author = "Parity", body = "Same words." }),
                await token.PostAsJsonAsync("/api/v1/posts/1/comments", new { author = "Parity", body = "Same words." })),
            "DeleteComment" => await DeleteCommentAsync(session, token),
            "AddAttachment" => (await session.PostAsync("/_actions/AddAttachment", Image(postId: 1)), await token.PostAsync("/api/v1/posts/1/attachments", Image(postId: null))),
            "SavePost" => (await session.PostAsJsonAsync("/_actions/SavePost", Post()), await token.PostAsJsonAsync("/api/v1/posts", Post())),
            "FollowComments" => await FollowCommentsAsync(session, token),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "no case"),
        };

        using (action)
        using (rest)
        {
            var actionText = await action.Content.ReadAsStringAsync();
            var restText = await rest.Content.ReadAsStringAsync();
            action.IsSuccessStatusCode.Should().BeTrue($"{operation} through the action door: {actionText}");
            rest.IsSuccessStatusCode.Should().BeTrue($"{operation} through the REST door: {restText}");
            JsonNode.DeepEquals(Comparable(actionText), Comparable(restText)).Should().BeTrue($"{operation}\naction: {actionText}\nrest:   {restText}");
        }
    }

    private static async Task<(HttpResponseMessage, HttpResponseMessage)> GetCommentAsync(HttpClient session, HttpClient token)
    {
        var id = await CreateCommentAsync(token);
        return (await session.PostAsJsonAsync("/_actions/GetComment", new { postId = 1, commentId = id }), await token.GetAsync(new Uri($"/api/v1/posts/1/comments/{id}", UriKind.Relative)));
    }

    private static async Task<(HttpResponseMessage, HttpResponseMessage)> DeleteCommentAsync(HttpClient session, HttpClient token)
    {
        var first = await CreateCommentAsync(token);
        var second = await CreateCommentAsync(token);
        var action = await session.PostAsJsonAsync("/_actions/DeleteComment", new { postId = 1, commentId = first });
        var rest = await token.DeleteAsync(new Uri($"/api/v1/posts/1/comments/{second}", UriKind.Relative));
        action.StatusCode.Should().Be(HttpStatusCode.NoContent);
        rest.StatusCode.Should().Be(HttpStatusCode.NoContent);
        foreach (var id in new[] { first, second })
        {
            using var gone = await token.GetAsync(new Uri($"/api/v1/posts/1/comments/{id}", UriKind.Relative));
            gone.StatusCode.Should().Be(HttpStatusCode.NotFound, "both doors deleted their comment");
        }

        return (action, rest);
    }

    /// <summary>Both doors' streams from just before a new comment: its first item, as an answer to compare.</summary>
    private static async Task<(HttpResponseMessage, HttpResponseMessage)> FollowCommentsAsync(HttpClient session, HttpClient token)
    {
        var id = await CreateCommentAsync(token);
        var after = (id - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var action = await EventStreams.OpenAsync(session, EventStreams.Action("FollowComments", new { postId = 1 }, after));
        using var rest = await EventStreams.OpenAsync(token, EventStreams.Get("/api/v1/posts/1/comments/live", lastEventId: after));
        action.StatusCode.Should().Be(HttpStatusCode.OK);
        rest.StatusCode.Should().Be(HttpStatusCode.OK);
        var first = (await EventStreams.ItemsAsync(action, 1))[0];
        var second = (await EventStreams.ItemsAsync(rest, 1))[0];
        first.EventId.Should().Be(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        second.EventId.Should().Be(first.EventId);
        return (new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(first.Data) }, new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(second.Data) });
    }

    private static async Task<int> CreateCommentAsync(HttpClient token)
    {
        using var created = await token.PostAsJsonAsync("/api/v1/posts/1/comments", new { author = "Parity", body = "To read or delete." });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
    }

    private static MultipartFormDataContent Image(int? postId)
    {
        var form = new MultipartFormDataContent();
        if (postId is { } id)
        {
            form.Add(new StringContent(id.ToString(System.Globalization.CultureInfo.InvariantCulture)), "postId");
        }

        var file = new ByteArrayContent(Png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "dot.png");
        return form;
    }

    private static object Post() => new
    {
        title = "Parity",
        summary = "",
        status = "Published",
        publishOn = "2026-05-01",
        tags = new[] { "parity" },
        sections = new[] { new { heading = "Same", body = "Through either door." } },
    };

    /// <summary>The answer without what differs by nature between two calls: ids, times, where a stored thing is served.</summary>
    private static JsonNode? Comparable(string text)
    {
        var node = text.Length == 0 ? null : JsonNode.Parse(text);
        Strip(node);
        return node;
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var name in new[] { "id", "createdAt", "url", "coverUrl" })
                {
                    o.Remove(name);
                }

                foreach (var (_, value) in o.ToList())
                {
                    Strip(value);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Strip(item);
                }

                break;
        }
    }

    private static HashSet<string> OperationIds(string document) =>
        [.. JsonNode.Parse(document)!["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(v => v.Value!["operationId"]!.GetValue<string>()))];
}
