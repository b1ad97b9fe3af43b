using System.Text.Json;
using Hybrid.Testing;

namespace Hybrid.Http.Tests;

public sealed class RestDocumentTests
{
    [Fact]
    public async Task Get_describes_its_path_parameters_and_query_parameters_by_json_name()
    {
        await using var host = await RestHost.StartAsync();
        using var document = await GetAsync(host);

        var get = Operation(document, "/api/v1/shops/{shopId}/widgets/{widgetId}", "get");
        get.GetProperty("operationId").GetString().Should().Be(nameof(GetWidget));
        get.GetProperty("summary").GetString().Should().Be("One widget of a shop.");
        get.TryGetProperty("requestBody", out _).Should().BeFalse();

        var parameters = Parameters(get);
        parameters.Where(p => p.In == "path").Select(p => p.Name).Should().Equal("shopId", "widgetId");
        parameters.Where(p => p.In == "path").Should().OnlyContain(p => p.Required);
        parameters.Where(p => p.In == "query").Select(p => p.Name)
            .Should().BeEquivalentTo("color", "size", "maxPrice", "page_size", "inStock", "since");

        var shopId = ParameterSchema(get, "shopId");
        shopId.GetProperty("type").GetString().Should().Be("integer");
        ParameterSchema(get, "widgetId").GetProperty("format").GetString().Should().Be("guid");
        var pageSize = ParameterSchema(get, "page_size");
        pageSize.GetProperty("minimum").GetDecimal().Should().Be(1);
        pageSize.GetProperty("maximum").GetDecimal().Should().Be(100);
    }

    [Fact]
    public async Task Delete_describes_query_parameters_and_no_body()
    {
        await using var host = await RestHost.StartAsync();
        using var document = await GetAsync(host);

        var delete = Operation(document, "/api/v1/shops/{shopId}/things/{thingId}", "delete");
        delete.TryGetProperty("requestBody", out _).Should().BeFalse();
        Parameters(delete).Select(p => (p.Name, p.In)).Should().BeEquivalentTo(new[]
        {
            ("shopId", "path"), ("thingId", "path"), ("hard", "query"), ("reason", "query"),
        });
    }

    [Fact]
    public async Task Post_body_is_a_Body_component_without_the_route_bound_member()
    {
        await using var host = await RestHost.StartAsync();
        using var document = await GetAsync(host);

        var post = Operation(document, "/api/v1/shops/{shopId}/things", "post");
        Parameters(post).Select(p => (p.Name, p.In)).Should().Equal([("shopId", "path")]);
        var body = post.GetProperty("requestBody");
        body.GetProperty("required").GetBoolean().Should().BeTrue();
        body.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()
            .Should().Be("#/components/schemas/CreateThingBody");

        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var component = schemas.GetProperty("CreateThingBody");
        component.GetProperty("properties").EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("name", "quantity");
        component.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should().Equal("name");
        component.GetProperty("properties").GetProperty("name").GetProperty("maxLength").GetInt32().Should().Be(40);
        component.GetProperty("additionalProperties").GetBoolean().Should().BeFalse();
        schemas.TryGetProperty(nameof(CreateThing), out _).Should().BeFalse("the whole request type is never what the body holds");
    }

    [Fact]
    public async Task Post_answers_201_with_a_Location_header_and_the_response_schema()
    {
        await using var host = await RestHost.StartAsync();
        using var document = await GetAsync(host);

        var responses = Operation(document, "/api/v1/shops/{shopId}/things", "post").GetProperty("responses");
        responses.TryGetProperty("200", out _).Should().BeFalse();
        var created = responses.GetProperty("201");
        created.GetProperty("headers").GetProperty("Location").GetProperty("schema").GetProperty("type").GetString().Should().Be("string");
        created.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()
            .Should().Be("#/components/schemas/Thing");
        var thing = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("Thing");
        thing.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should().BeEquivalentTo("id", "shopId", "name", "quantity");
    }

    [Fact]
    public async Task Other_success_statuses_are_described_as_the_route_answers()
    {
        await using var host = await RestHost.StartAsync();
        using var document = await GetAsync(host);

        var put = Operation(document, "/api/v1/shops/{shopId}/things/{thingId}", "put").GetProperty("responses");
        put.GetProperty("204").TryGetProperty("content", out _).Should().BeFalse();
        put.TryGetProperty("200", out _).Should().BeFalse();

        var archive = Operation(document, "/api/v1/things/{thingId}/archive", "post");
        archive.GetProperty("responses").GetProperty("202").GetProperty("content").GetProperty("application/json").GetProperty("schema")
            .GetProperty("$ref").GetString().Should().Be("#/components/schemas/ArchiveTicket");
        var archiveBody = archive.GetProperty("requestBody");
        (archiveBody.TryGetProperty("required", out var required) && required.GetBoolean()).Should().BeFalse("every member is route-bound");
        archive.GetProperty("responses").GetProperty("202").TryGetProperty("headers", out _).Should().BeFalse();
    }

    [Fact]
    public async Task Failures_are_problem_responses_narrowed_from_ProblemDetails()
    {
        await using var host = await RestHost.StartAsync();
        using var document = await GetAsync(host);
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var responses = operation.Value.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5').ToList();
                responses.Select(r => r.Name).Should().Contain("500", $"{operation.Name} {path.Name}");
                foreach (var response in responses)
                {
                    var reference = response.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString()!;
                    schemas.GetProperty(reference["#/components/schemas/".Length..]).GetProperty("allOf")[0].GetProperty("$ref").GetString()
                        .Should().Be("#/components/schemas/ProblemDetails", $"{operation.Name} {path.Name} {response.Name}");
                }
            }
        }
    }

    [Fact]
    public async Task Document_holds_no_action_paths_and_no_action_only_operations()
    {
        await using var host = await RestHost.StartAsync();
        var json = await host.Client.GetStringAsync("/openapi/v1.json");
        using var document = JsonDocument.Parse(json);

        document.RootElement.GetProperty("paths").EnumerateObject().Should().OnlyContain(p => p.Name.StartsWith("/api/v1/", StringComparison.Ordinal));
        json.Should().NotContain("/_actions/").And.NotContain(nameof(ActionOnlyRecount)).And.NotContain("xsrf", "the public document needs no antiforgery");
        var operationIds = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject()).Select(o => o.Value.GetProperty("operationId").GetString()).ToList();
        operationIds.Should().OnlyHaveUniqueItems();
        operationIds.Should().BeEquivalentTo(
            nameof(Fail), nameof(GetOrder), nameof(CreateThing), nameof(DeleteThing), nameof(ReplaceThing), nameof(GetWidget), nameof(ArchiveThing));
    }

    [Fact]
    public async Task Document_is_OpenAPI_3_with_the_title_and_is_stable()
    {
        await using var host = await RestHost.StartAsync(o => o.Title = "Things API");
        var first = await host.Client.GetStringAsync("/openapi/v1.json");
        var second = await host.Client.GetStringAsync("/openapi/v1.json");
        using var document = JsonDocument.Parse(first);

        second.Should().Be(first);
        document.RootElement.GetProperty("openapi").GetString().Should().StartWith("3.");
        document.RootElement.GetProperty("info").GetProperty("title").GetString().Should().Be("Things API");
        document.RootElement.GetProperty("info").GetProperty("version").GetString().Should().Be("v1");
    }

    private static async Task<JsonDocument> GetAsync(TestHost host) =>
        JsonDocument.Parse(await host.Client.GetStringAsync("/openapi/v1.json"));

    private static JsonElement Operation(JsonDocument document, string path, string method) =>
        document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);

    private static List<(string Name, string In, bool Required)> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters)
            ? [.. parameters.EnumerateArray().Select(p => (
                p.GetProperty("name").GetString()!,
                p.GetProperty("in").GetString()!,
                p.TryGetProperty("required", out var r) && r.GetBoolean()))]
            : [];

    private static JsonElement ParameterSchema(JsonElement operation, string name) =>
        operation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name).GetProperty("schema");
}
