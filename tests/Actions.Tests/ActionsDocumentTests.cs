using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;
using Hybrid.Testing;

namespace Hybrid.Actions.Tests;

public sealed class ActionsDocumentTests
{
    [Fact]
    public async Task Document_lists_every_action_as_a_POST_named_by_its_id()
    {
        await using var host = await ActionsHost.StartAsync();
        using var document = await GetDocumentAsync(host);

        var paths = document.RootElement.GetProperty("paths");
        paths.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("/_actions/ClearNotes", "/_actions/CreateNote", "/_actions/custom-id");
        foreach (var path in paths.EnumerateObject())
        {
            path.Value.EnumerateObject().Select(m => m.Name).Should().Equal("post");
            var id = path.Name["/_actions/".Length..];
            path.Value.GetProperty("post").GetProperty("operationId").GetString().Should().Be(id);
        }
    }

    [Fact]
    public async Task Request_body_references_the_request_type_and_the_schema_uses_json_names()
    {
        await using var host = await ActionsHost.StartAsync();
        using var document = await GetDocumentAsync(host);

        var post = Operation(document, "CreateNote");
        var body = post.GetProperty("requestBody");
        body.GetProperty("required").GetBoolean().Should().BeTrue();
        body.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()
            .Should().Be("#/components/schemas/CreateNote");

        var schema = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("CreateNote");
        schema.GetProperty("properties").EnumerateObject().Select(p => p.Name)
            .Should().BeEquivalentTo("title", "priority", "pinned", "color_code", "weight");
        var title = schema.GetProperty("properties").GetProperty("title");
        title.GetProperty("maxLength").GetInt32().Should().Be(20);
    }

    [Fact]
    public async Task Success_responses_are_200_with_the_result_schema_or_204_without_content()
    {
        await using var host = await ActionsHost.StartAsync();
        using var document = await GetDocumentAsync(host);

        var created = Operation(document, "CreateNote").GetProperty("responses");
        created.TryGetProperty("204", out _).Should().BeFalse();
        created.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()
            .Should().Be("#/components/schemas/NoteCreated");

        var cleared = Operation(document, "ClearNotes").GetProperty("responses");
        cleared.TryGetProperty("200", out _).Should().BeFalse();
        cleared.GetProperty("204").TryGetProperty("content", out _).Should().BeFalse();

        var counted = Operation(document, "custom-id");
        counted.GetProperty("summary").GetString().Should().Be("Counts the notes.");
        counted.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema")
            .GetProperty("type").GetString().Should().Be("integer");
    }

    [Fact]
    public async Task Failure_responses_are_problem_details_narrowed_to_what_the_action_door_answers()
    {
        await using var host = await ActionsHost.StartAsync();
        using var document = await GetDocumentAsync(host);
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        foreach (var id in new[] { "CreateNote", "ClearNotes", "custom-id" })
        {
            var responses = Operation(document, id).GetProperty("responses");
            var problems = responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5').Select(r => r.Name).ToList();
            problems.Should().Equal(["400", "403", "408", "413", "415", "500", "503"], $"{id} declares nothing and has no policy");
            foreach (var status in problems)
            {
                var reference = responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json").GetProperty("schema")
                    .GetProperty("$ref").GetString()!;
                var component = schemas.GetProperty(reference["#/components/schemas/".Length..]);
                component.GetProperty("allOf")[0].GetProperty("$ref").GetString().Should().Be("#/components/schemas/ProblemDetails", $"{id} {status}");
            }

            Codes(document, responses, "403").Should().Equal(ProblemCodes.CrossSiteRequest);
            Codes(document, responses, "400").Should().Equal(ProblemCodes.ValidationFailed, ProblemCodes.InvalidJson, ProblemCodes.BadRequest);
        }

        var problem = schemas.GetProperty("ProblemDetails");
        problem.GetProperty("properties").EnumerateObject().Select(p => p.Name).Should().Contain(["code", "traceId", "errors", "status", "detail"]);
    }

    internal static List<string?> Codes(JsonDocument document, JsonElement responses, string status)
    {
        var reference = responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json").GetProperty("schema")
            .GetProperty("$ref").GetString()!;
        return [.. document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(reference["#/components/schemas/".Length..])
            .GetProperty("allOf")[1].GetProperty("properties").GetProperty("code").GetProperty("enum").EnumerateArray().Select(e => e.GetString())];
    }

    [Fact]
    public async Task Document_holds_no_REST_route_and_no_REST_only_type()
    {
        await using var host = await ActionsHost.StartAsync();
        var json = await host.Client.GetStringAsync("/openapi/actions.json");
        using var document = JsonDocument.Parse(json);

        document.RootElement.GetProperty("paths").EnumerateObject().Should().NotContain(p => p.Name.Contains("/api/", StringComparison.Ordinal));
        json.Should().NotContain("/api/");
        json.Should().NotContain("ListNotes");
    }

    [Fact]
    public async Task Document_is_OpenAPI_3_with_the_xsrf_header_scheme()
    {
        await using var host = await ActionsHost.StartAsync(o => o.Title = "Notes", requireTokens: true);
        using var response = await host.Client.GetAsync("/openapi/actions.json");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var root = document.RootElement;
        root.GetProperty("openapi").GetString().Should().StartWith("3.");
        root.GetProperty("info").GetProperty("title").GetString().Should().StartWith("Notes");
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("xsrf");
        scheme.GetProperty("in").GetString().Should().Be("header");
        scheme.GetProperty("name").GetString().Should().Be("X-XSRF-TOKEN");
    }

    [Fact]
    public async Task Only_actions_that_check_a_token_carry_the_xsrf_requirement()
    {
        await using var host = await ActionsHost.StartAsync(o => o.Expose<GuardedPing>(op => op.AsAction()));
        using var document = await GetDocumentAsync(host);

        Operation(document, "GuardedPing").GetProperty("security")[0].TryGetProperty("xsrf", out _).Should().BeTrue();
        Operation(document, "CreateNote").GetProperty("security").GetArrayLength().Should().Be(0, "tokens are off by default: the origin check guards it, and no policy checks it");
        document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("xsrf").GetProperty("in").GetString().Should().Be("header");
    }

    [Fact]
    public async Task Without_tokens_the_document_has_no_security_scheme()
    {
        await using var host = await ActionsHost.StartAsync();
        using var document = await GetDocumentAsync(host);

        document.RootElement.GetProperty("components").TryGetProperty("securitySchemes", out _).Should().BeFalse();
        document.RootElement.TryGetProperty("security", out _).Should().BeFalse();
    }

    [Fact]
    public async Task Code_exposed_action_appears_under_its_id()
    {
        await using var host = await ActionsHost.StartAsync(o => o.Expose<Ping>(b => b.AsAction("x", summary: "Answers pong.")));
        using var document = await GetDocumentAsync(host);

        var post = Operation(document, "x");
        post.GetProperty("summary").GetString().Should().Be("Answers pong.");
        post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()
            .Should().Be("#/components/schemas/Ping");
    }

    private static async Task<JsonDocument> GetDocumentAsync(TestHost host) =>
        JsonDocument.Parse(await host.Client.GetStringAsync("/openapi/actions.json"));

    private static JsonElement Operation(JsonDocument document, string id) =>
        document.RootElement.GetProperty("paths").GetProperty("/_actions/" + id).GetProperty("post");
}
