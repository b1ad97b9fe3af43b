using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using Hybrid.Testing;

namespace Hybrid.Http.Tests;

/// <summary>
/// What the REST document promises a client: exactly the statuses each route can answer, each with
/// exactly its codes, the headers it reads and answers with, and schemas that state the rules the
/// validator applies.
/// </summary>
public sealed class DocumentContractTests
{
    private static Task<TestHost> StartAsync() =>
        RestHost.StartAsync(o =>
        {
            o.Description = "Sprockets.";
            o.Contact = new DocumentContact { Name = "Sprocket team", Email = "sprockets@example.org" };
            o.Servers.Add(new DocumentServer("https://api.example.org", "Production"));
            o.Expose<FindSprocket>(op => op.Get("sprockets/{sprocketId}"));
            o.Expose<ListSprockets>(op => op.Get("sprockets"));
            o.Expose<ListOldSprockets>(op => op.Get("old-sprockets").Deprecate(1, new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1), "v1/sprockets"));
            o.Expose<AddSprocket>(op => op.Post("sprockets"));
            o.Expose<RenameSprocket>(op => op.Put("sprockets/{sprocketId}"));
        });

    [Fact]
    public async Task A_declared_problem_is_listed_under_its_status_with_its_code_as_the_only_enum_value()
    {
        await using var host = await StartAsync();
        using var document = await GetAsync(host);

        var responses = Operation(document, "/api/v1/sprockets/{sprocketId}", "get").GetProperty("responses");
        Codes(document, responses, "404").Should().Equal("thing_missing");
        responses.GetProperty("404").GetProperty("description").GetString().Should().Contain("No sprocket has this id.");
        var component = Component(document, responses, "404");
        component.GetProperty("allOf")[0].GetProperty("$ref").GetString().Should().Be("#/components/schemas/ProblemDetails");
        component.GetProperty("allOf")[1].GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should().Equal("code");
        Codes(document, responses, "400").Should().Equal(ProblemCodes.ValidationFailed);
        Codes(document, responses, "500").Should().Equal(ProblemCodes.InternalError);
        Codes(document, responses, "503").Should().Equal(ProblemCodes.ServiceUnavailable);
        responses.GetProperty("503").GetProperty("headers").TryGetProperty("Retry-After", out _).Should().BeTrue();
        ProblemStatuses(responses).Should().Equal("400", "404", "500", "503");
    }

    [Fact]
    public async Task A_get_without_members_lists_only_500_and_states_its_ETag_and_304()
    {
        await using var host = await StartAsync();
        using var document = await GetAsync(host);

        var get = Operation(document, "/api/v1/sprockets", "get");
        var responses = get.GetProperty("responses");
        ProblemStatuses(responses).Should().Equal("500", "503");
        responses.GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _).Should().BeTrue();
        responses.GetProperty("304").TryGetProperty("content", out _).Should().BeFalse();
        Parameters(get).Should().Equal([("If-None-Match", "header", false)]);
        get.TryGetProperty("deprecated", out _).Should().BeFalse();
    }

    [Fact]
    public async Task A_post_lists_body_failures_policies_and_its_idempotency_key()
    {
        await using var host = await StartAsync();
        using var document = await GetAsync(host);

        var post = Operation(document, "/api/v1/sprockets", "post");
        var responses = post.GetProperty("responses");
        ProblemStatuses(responses).Should().Equal("400", "401", "403", "408", "409", "413", "415", "422", "429", "500", "503");
        Codes(document, responses, "400").Should().Equal(
            ProblemCodes.ValidationFailed, ProblemCodes.InvalidJson, ProblemCodes.BadRequest, ProblemCodes.IdempotencyKeyMissing);
        Codes(document, responses, "401").Should().Equal(ProblemCodes.Unauthorized);
        Codes(document, responses, "403").Should().Equal(ProblemCodes.Forbidden);
        Codes(document, responses, "409").Should().Equal(ProblemCodes.IdempotencyKeyInUse);
        Codes(document, responses, "413").Should().Equal(ProblemCodes.PayloadTooLarge);
        Codes(document, responses, "415").Should().Equal(ProblemCodes.UnsupportedMediaType);
        Codes(document, responses, "422").Should().Equal(ProblemCodes.IdempotencyKeyReused);
        Codes(document, responses, "429").Should().Equal(ProblemCodes.RateLimited);
        responses.GetProperty("429").GetProperty("headers").GetProperty("Retry-After").GetProperty("schema").GetProperty("type").GetString().Should().Be("integer");
        Parameters(post).Should().Equal([("Idempotency-Key", "header", true)]);
        responses.GetProperty("201").TryGetProperty("headers", out _).Should().BeFalse("no Location is declared and a POST has no ETag");
    }

    [Fact]
    public async Task A_write_whose_get_has_a_resource_version_states_If_Match_and_412()
    {
        await using var host = await StartAsync();
        using var document = await GetAsync(host);

        var put = Operation(document, "/api/v1/sprockets/{sprocketId}", "put");
        Parameters(put).Should().Equal([("sprocketId", "path", true), ("If-Match", "header", false)]);
        Codes(document, put.GetProperty("responses"), "412").Should().Equal(ProblemCodes.PreconditionFailed);
        ProblemStatuses(put.GetProperty("responses")).Should().Equal("400", "408", "412", "413", "415", "500", "503");

        var post = Operation(document, "/api/v1/sprockets", "post");
        ProblemStatuses(post.GetProperty("responses")).Should().NotContain("412", "If-Match is for PUT, PATCH and DELETE");
    }

    [Fact]
    public async Task Routes_without_authorization_or_rate_limiting_list_no_401_403_or_429()
    {
        await using var host = await StartAsync();
        using var document = await GetAsync(host);

        foreach (var (path, method) in new[] { ("/api/v1/sprockets/{sprocketId}", "get"), ("/api/v1/sprockets", "get"), ("/api/v1/shops/{shopId}/things", "post") })
        {
            ProblemStatuses(Operation(document, path, method).GetProperty("responses")).Should().NotContain(["401", "403", "429"], $"{method} {path}");
        }
    }

    [Fact]
    public async Task A_deprecated_route_is_marked_and_states_its_deprecation_headers()
    {
        await using var host = await StartAsync();
        using var document = await GetAsync(host);

        var old = Operation(document, "/api/v1/old-sprockets", "get");
        old.GetProperty("deprecated").GetBoolean().Should().BeTrue();
        old.GetProperty("responses").GetProperty("200").GetProperty("headers").EnumerateObject().Select(h => h.Name)
            .Should().Equal("ETag", "Deprecation", "Sunset", "Link");
    }

    [Fact]
    public async Task Schemas_state_integer_bounds_as_integers_and_required_text_as_non_empty()
    {
        await using var host = await StartAsync();
        var json = await host.Client.GetStringAsync("/openapi/v1.json");
        using var document = JsonDocument.Parse(json);

        var add = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(nameof(AddSprocket));
        var teeth = add.GetProperty("properties").GetProperty("teeth");
        teeth.GetProperty("minimum").GetRawText().Should().Be("1");
        teeth.GetProperty("maximum").GetRawText().Should().Be("2147483647");
        var diameter = add.GetProperty("properties").GetProperty("diameter");
        diameter.GetProperty("minimum").GetRawText().Should().Be("0.5");
        diameter.GetProperty("maximum").GetRawText().Should().Be("120.25");
        var name = add.GetProperty("properties").GetProperty("name");
        name.GetProperty("minLength").GetInt32().Should().Be(1, "[Required] refuses the empty string");
        name.GetProperty("maxLength").GetInt32().Should().Be(40);
        name.GetProperty("pattern").GetString().Should().Be(@"\S", "[Required] refuses white space too");
        json.Should().NotContain("\"minLength\": 0");
    }

    [Fact]
    public async Task Descriptions_come_from_the_xml_documentation_and_the_info_from_the_options()
    {
        await using var host = await StartAsync();
        using var document = await GetAsync(host);
        var root = document.RootElement;

        var find = Operation(document, "/api/v1/sprockets/{sprocketId}", "get");
        find.GetProperty("description").GetString().Should().Be("One sprocket by id.\n\nSprockets are looked up in the store.");
        find.GetProperty("parameters")[0].GetProperty("description").GetString().Should().Be("The sprocket's id.");
        find.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("sprockets");
        var sprocket = root.GetProperty("components").GetProperty("schemas").GetProperty(nameof(Sprocket));
        sprocket.GetProperty("description").GetString().Should().Be("A sprocket.");
        sprocket.GetProperty("properties").GetProperty("name").GetProperty("description").GetString().Should().Be("The sprocket's name.");

        root.GetProperty("info").GetProperty("description").GetString().Should().Be("Sprockets.");
        root.GetProperty("info").GetProperty("contact").GetProperty("email").GetString().Should().Be("sprockets@example.org");
        root.GetProperty("servers")[0].GetProperty("url").GetString().Should().Be("https://api.example.org");
        var tags = root.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        tags.Should().BeInAscendingOrder(StringComparer.Ordinal).And.Contain(["sprockets", "old-sprockets", "shops"]);
        root.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject())
            .SelectMany(o => o.Value.GetProperty("tags").EnumerateArray().Select(t => t.GetString()))
            .Should().OnlyContain(t => tags.Contains(t), "every operation's tag is declared at the top");
    }

    [Theory]
    [InlineData("Contact", "ftp://example.org")]
    [InlineData("Server", "https://api.example.org/")]
    [InlineData("Server", "api.example.org")]
    public async Task Invalid_document_options_stop_the_app_at_start(string what, string url)
    {
        var start = () => RestHost.StartAsync(o =>
        {
            if (what == "Contact")
            {
                o.Contact = new DocumentContact { Url = url };
            }
            else
            {
                o.Servers.Add(new DocumentServer(url));
            }
        });

        (await start.Should().ThrowAsync<HybridConfigurationException>()).Which.Message.Should().Contain(what);
    }

    private static async Task<JsonDocument> GetAsync(TestHost host) =>
        JsonDocument.Parse(await host.Client.GetStringAsync("/openapi/v1.json"));

    private static JsonElement Operation(JsonDocument document, string path, string method) =>
        document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);

    private static List<string> ProblemStatuses(JsonElement responses) =>
        [.. responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5').Select(r => r.Name)];

    private static JsonElement Component(JsonDocument document, JsonElement responses, string status)
    {
        var reference = responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json").GetProperty("schema")
            .GetProperty("$ref").GetString()!;
        return document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(reference["#/components/schemas/".Length..]);
    }

    private static List<string?> Codes(JsonDocument document, JsonElement responses, string status) =>
        [.. Component(document, responses, status).GetProperty("allOf")[1].GetProperty("properties").GetProperty("code").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString())];

    private static List<(string Name, string In, bool Required)> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters)
            ? [.. parameters.EnumerateArray().Select(p => (
                p.GetProperty("name").GetString()!,
                p.GetProperty("in").GetString()!,
                p.TryGetProperty("required", out var r) && r.GetBoolean()))]
            : [];
}
