using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hybrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Actions.Tests;

/// <summary>
/// What both doors accept and answer, and what both documents say of it: enums by name (numbers
/// still read), dates and numbers with their formats, nullability and required members exactly as
/// the binders enforce them, and file-bearing bodies as JSON and as a browser's multipart form.
/// </summary>
public sealed class WireShapeTests
{
    private const string AppJson = "application/json";

    public static TheoryData<string> Documents => ["actions", "v1"];

    private static void Expose(HybridOptions o)
    {
        o.Actions().PublicDocument = true;
        o.Expose<EchoShapes>(b => b.AsAction().Route("POST", "shapes/echo", statusCode: 200).Get("shapes/echo").Get("shapes/echo/{status}"));
        o.Expose<NullabilityProbe>(b => b.AsAction().Route("POST", "shapes/nullability", statusCode: 200));
        o.Expose<ComposeArticle>(b => b.AsAction().Route("POST", "articles", statusCode: 200));
    }

    private static Task<TestHost> StartAsync(Action<HybridOptions>? configure = null, Action<IServiceCollection>? services = null) =>
        ActionsHost.StartBothDoorsAsync(
            o =>
            {
                Expose(o);
                configure?.Invoke(o);
            },
            services: services);

    [Theory]
    [InlineData("\"Published\"")]
    [InlineData("1")]
    public async Task Both_doors_read_an_enum_by_name_or_number_from_JSON_and_answer_its_name(string status)
    {
        await using var host = await StartAsync();
        var body = $$"""{"status":{{status}},"maybeStatus":{{status}},"review":"in-review"}""";

        foreach (var echo in await BothAsync(host, "EchoShapes", "/api/v1/shapes/echo", body))
        {
            echo.GetProperty("status").GetString().Should().Be("Published");
            echo.GetProperty("maybeStatus").GetString().Should().Be("Published");
            echo.GetProperty("review").GetString().Should().Be("in-review", "[JsonStringEnumMemberName] names the value on the wire");
        }
    }

    [Theory]
    [InlineData("Published")]
    [InlineData("1")]
    public async Task A_form_field_a_query_value_and_a_route_value_take_an_enum_by_name_or_number(string status)
    {
        await using var host = await StartAsync();

        using var form = await host.Client.SendAsync(FormPost("EchoShapes", ("status", status), ("review", "in-review")));
        using var query = await host.Client.GetAsync($"/api/v1/shapes/echo?status={status}&review=in-review");
        using var route = await host.Client.GetAsync($"/api/v1/shapes/echo/{status}?review=in-review");

        foreach (var response in new[] { form, query, route })
        {
            var echo = await JsonAsync(response);
            echo.GetProperty("status").GetString().Should().Be("Published");
            echo.GetProperty("review").GetString().Should().Be("in-review");
        }
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task An_undefined_number_or_an_unknown_name_is_a_field_error(DoorCase door)
    {
        await using var host = await StartAsync();

        foreach (var value in new[] { "7", "\"Huge\"" })
        {
            using var response = await SendJsonAsync(host, door, "EchoShapes", "/api/v1/shapes/echo", $$"""{"status":{{value}}}""");
            var errors = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
            errors.EnumerateObject().Select(e => e.Name).Should().Equal("status");
        }

        using var review = await SendJsonAsync(host, door, "EchoShapes", "/api/v1/shapes/echo", """{"review":"InReview"}""");
        var message = (await review.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).GetProperty("review")[0].GetString();
        message.Should().Contain("one of: in-review, Done", "the message names the values as they travel");
    }

    [Fact]
    public async Task A_flags_enum_stays_a_number_and_reads_a_comma_list_of_names_from_a_form()
    {
        await using var host = await StartAsync();

        using var json = await host.Client.PostAsync("/api/v1/shapes/echo", Json("""{"rights":3}"""));
        using var form = await host.Client.SendAsync(FormPost("EchoShapes", ("rights", "Read,Write")));

        (await JsonAsync(json)).GetProperty("rights").GetInt32().Should().Be(3);
        (await JsonAsync(form)).GetProperty("rights").GetInt32().Should().Be(3);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Both_documents_list_enum_names_and_mark_flags_numbers(string name)
    {
        await using var host = await StartAsync();
        using var document = await DocumentAsync(host, name);

        var status = Schema(document, nameof(ShapeStatus));
        status.GetProperty("type").GetString().Should().Be("string");
        status.GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Should().Equal("Draft", "Published", "Archived");
        status.TryGetProperty("x-enumNames", out _).Should().BeFalse();
        Schema(document, nameof(ShapeReview)).GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Should().Equal("in-review", "Done");

        var rights = Schema(document, nameof(ShapeRights));
        rights.GetProperty("type").GetString().Should().Be("integer");
        rights.GetProperty("x-enumFlags").GetBoolean().Should().BeTrue();
        rights.GetProperty("enum").EnumerateArray().Select(e => e.GetInt32()).Should().Equal(0, 1, 2);
        rights.GetProperty("x-enumNames").EnumerateArray().Select(e => e.GetString()).Should().Equal("None", "Read", "Write");
    }

    [Fact]
    public async Task EnumsAsNumbers_answers_numbers_and_documents_them_with_x_enumNames()
    {
        await using var host = await StartAsync(o => o.EnumsAsNumbers = true);

        foreach (var echo in await BothAsync(host, "EchoShapes", "/api/v1/shapes/echo", """{"status":1}"""))
        {
            echo.GetProperty("status").GetInt32().Should().Be(1);
        }

        // System.Text.Json's own enum reading takes numbers only; a single string still takes a name.
        using var named = await host.Client.PostAsync("/api/v1/shapes/echo", Json("""{"status":"Published"}"""));
        (await named.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).EnumerateObject().Select(e => e.Name).Should().Equal("status");
        using var query = await host.Client.GetAsync("/api/v1/shapes/echo?status=Published");
        (await JsonAsync(query)).GetProperty("status").GetInt32().Should().Be(1);

        foreach (var name in new[] { "actions", "v1" })
        {
            using var document = await DocumentAsync(host, name);
            var status = Schema(document, nameof(ShapeStatus));
            status.GetProperty("type").GetString().Should().Be("integer");
            status.GetProperty("enum").EnumerateArray().Select(e => e.GetInt32()).Should().Equal(0, 1, 2);
            status.GetProperty("x-enumNames").EnumerateArray().Select(e => e.GetString()).Should().Equal("Draft", "Published", "Archived");
        }
    }

    [Fact]
    public async Task The_apps_own_JsonStringEnumConverter_and_its_naming_policy_win()
    {
        await using var host = await StartAsync(services: s => s.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(
            o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower))));

        foreach (var echo in await BothAsync(host, "EchoShapes", "/api/v1/shapes/echo", """{"status":"archived","review":"in-review"}"""))
        {
            echo.GetProperty("status").GetString().Should().Be("archived");
            echo.GetProperty("review").GetString().Should().Be("in-review");
        }

        using var document = await DocumentAsync(host, "v1");
        Schema(document, nameof(ShapeStatus)).GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Should().Equal("draft", "published", "archived");
    }

    [Fact]
    public async Task EnumsAsNumbers_beside_the_apps_JsonStringEnumConverter_stops_the_app_with_HYB071()
    {
        var start = () => StartAsync(
            o => o.EnumsAsNumbers = true,
            s => s.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter())));

        var error = (await start.Should().ThrowAsync<HybridConfigurationException>()).Which.Errors.Should().ContainSingle().Subject;
        error.Id.Should().Be("HYB071");
        error.Message.Should().Contain("EnumsAsNumbers").And.Contain("Fix:");
    }

    [Fact]
    public async Task Dates_and_times_travel_in_ISO_8601_and_decimals_as_JSON_numbers()
    {
        await using var host = await StartAsync();
        var body = """{"day":"2026-03-01","at":"10:30:00","when":"2026-03-01T10:30:00+01:00","stamp":"2026-03-01T10:30:00Z","price":12.50,"big":"12345678901"}""";

        foreach (var echo in await BothAsync(host, "EchoShapes", "/api/v1/shapes/echo", body))
        {
            echo.GetProperty("day").GetString().Should().Be("2026-03-01");
            echo.GetProperty("at").GetString().Should().Be("10:30:00");
            echo.GetProperty("when").GetString().Should().Be("2026-03-01T10:30:00+01:00");
            echo.GetProperty("stamp").GetString().Should().Be("2026-03-01T10:30:00Z");
            echo.GetProperty("price").ValueKind.Should().Be(JsonValueKind.Number);
            echo.GetProperty("price").GetDecimal().Should().Be(12.50m);
            echo.GetProperty("big").GetString().Should().Be("12345678901", "[JsonNumberHandling(WriteAsString)] writes a string");
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Both_documents_give_dates_times_and_numbers_their_formats(string name)
    {
        await using var host = await StartAsync();
        using var document = await DocumentAsync(host, name);

        foreach (var schemaName in new[] { nameof(EchoShapes), nameof(ShapeEcho) })
        {
            var schema = Schema(document, schemaName);
            TypeAndFormat(Property(schema, "day")).Should().Be(("string", "date"));
            TypeAndFormat(Property(schema, "at")).Should().Be(("string", "time"));
            TypeAndFormat(Property(schema, "when")).Should().Be(("string", "date-time"));
            TypeAndFormat(Property(schema, "stamp")).Should().Be(("string", "date-time"));
            TypeAndFormat(Property(schema, "price")).Should().Be(("number", "decimal"));
            TypeAndFormat(Property(schema, "big")).Should().Be(("string", "int64"), "the property writes its number as a string");
        }
    }

    [Fact]
    public async Task The_apps_number_handling_writes_numbers_as_strings_and_the_documents_say_so()
    {
        await using var host = await StartAsync(services: s => s.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(
            o => o.SerializerOptions.NumberHandling = JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString));

        foreach (var echo in await BothAsync(host, "EchoShapes", "/api/v1/shapes/echo", """{"price":"12.5"}"""))
        {
            echo.GetProperty("price").GetString().Should().Be("12.5");
        }

        foreach (var name in new[] { "actions", "v1" })
        {
            using var document = await DocumentAsync(host, name);
            TypeAndFormat(Property(Schema(document, nameof(ShapeEcho)), "price")).Should().Be(("string", "decimal"));
            TypeAndFormat(Property(Schema(document, nameof(NullabilityResult)), "count")).Should().Be(("string", "int32"));
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Both_documents_state_nullability_and_required_members_exactly(string name)
    {
        await using var host = await StartAsync();
        using var document = await DocumentAsync(host, name);

        var request = Schema(document, nameof(NullabilityProbe));
        Required(request).Should().Equal(["named", "needed"], "only [Required] that can fail and C#'s required refuse a request without them");
        Nullable(request, "text").Should().BeFalse();
        Nullable(request, "maybeText").Should().BeTrue();
        Nullable(request, "count").Should().BeFalse();
        Nullable(request, "maybeCount").Should().BeTrue();
        Nullable(request, "nested").Should().BeFalse();
        Property(request, "nested").GetProperty("$ref").GetString().Should().Be("#/components/schemas/ShapeNested");
        Nullable(request, "maybeNested").Should().BeTrue();
        Property(request, "maybeNested").GetProperty("oneOf")[0].GetProperty("$ref").GetString().Should().Be("#/components/schemas/ShapeNested");
        Nullable(request, "items").Should().BeFalse();
        Property(request, "items").GetProperty("type").GetString().Should().Be("array");
        Required(Schema(document, nameof(ShapeNested))).Should().Equal("label");

        var response = Schema(document, nameof(NullabilityResult));
        Required(response).Should().Equal(["text", "maybeText", "count", "maybeCount", "nested", "maybeNested", "items"], "the serializer writes each of them, null or not, but leaves out a null 'omitted'");
        Nullable(response, "text").Should().BeFalse();
        Nullable(response, "maybeText").Should().BeTrue();
        Nullable(response, "count").Should().BeFalse();
        Nullable(response, "maybeCount").Should().BeTrue();
        Nullable(response, "nested").Should().BeFalse();
        Nullable(response, "maybeNested").Should().BeTrue();
        Nullable(response, "items").Should().BeFalse();
        Nullable(response, "omitted").Should().BeTrue();
        Required(Schema(document, nameof(ShapeNestedResult))).Should().Equal("label", "note");
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task What_the_documents_require_is_what_the_doors_refuse_without(DoorCase door)
    {
        await using var host = await StartAsync();

        using var missing = await SendJsonAsync(host, door, "NullabilityProbe", "/api/v1/shapes/nullability", "{}");
        var errors = await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        errors.EnumerateObject().Select(e => e.Name).Should().BeSubsetOf(["named", "needed"]).And.NotBeEmpty();

        using var enough = await SendJsonAsync(host, door, "NullabilityProbe", "/api/v1/shapes/nullability", """{"named":"n","needed":1}""");
        var answer = await JsonAsync(enough);
        answer.TryGetProperty("omitted", out _).Should().BeFalse("a null 'omitted' is not written, so the document does not require it");
        answer.GetProperty("maybeText").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task A_body_with_optional_files_is_documented_as_JSON_without_them_and_as_a_multipart_form(string name)
    {
        await using var host = await StartAsync();
        using var document = await DocumentAsync(host, name);

        var path = name == "actions" ? "/_actions/ComposeArticle" : "/api/v1/articles";
        var content = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("requestBody").GetProperty("content");
        content.EnumerateObject().Select(p => p.Name).Should().Equal(AppJson, "multipart/form-data");
        content.GetProperty(AppJson).GetProperty("schema").GetProperty("$ref").GetString().Should().Be("#/components/schemas/ComposeArticle");
        Schema(document, nameof(ComposeArticle)).GetProperty("properties").EnumerateObject().Select(p => p.Name)
            .Should().Equal("title", "status", "publishOn", "tags", "sections");

        var form = content.GetProperty("multipart/form-data").GetProperty("schema");
        Required(form).Should().Equal("title");
        var properties = form.GetProperty("properties");
        properties.EnumerateObject().Select(p => p.Name).Should().Equal("title", "status", "publishOn", "tags", "sections", "cover", "images");
        TypeAndFormat(properties.GetProperty("cover")).Should().Be(("string", "binary"));
        properties.GetProperty("images").GetProperty("type").GetString().Should().Be("array");
        TypeAndFormat(properties.GetProperty("images").GetProperty("items")).Should().Be(("string", "binary"));
        properties.GetProperty("status").GetProperty("$ref").GetString().Should().Be("#/components/schemas/ShapeStatus");
        TypeAndFormat(properties.GetProperty("publishOn")).Should().Be(("string", "date"));
        properties.GetProperty("tags").GetProperty("items").GetProperty("type").GetString().Should().Be("string");
        properties.GetProperty("sections").GetProperty("items").GetProperty("$ref").GetString().Should().Be("#/components/schemas/ArticleSection");
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_browser_form_binds_indexed_objects_repeated_text_a_date_an_enum_by_name_and_several_files(DoorCase door)
    {
        await using var host = await StartAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Spring"), "title" },
            { new StringContent("Published"), "status" },
            { new StringContent("2026-03-01"), "publishOn" },
            { new StringContent("news"), "tags" },
            { new StringContent("cms"), "tags" },
            { new StringContent("Intro"), "sections[0].heading" },
            { new StringContent("Hello"), "sections[0].body" },
            { new StringContent("More"), "sections[1].heading" },
            { new StringContent("World"), "sections[1].body" },
            Uploads.File("images", "a.png", [1, 2, 3], "image/png"),
            Uploads.File("images", "b.png", [4, 5], "image/png"),
        };

        using var response = await SendAsync(host, door, "ComposeArticle", "/api/v1/articles", form);

        var article = await JsonAsync(response);
        article.GetProperty("title").GetString().Should().Be("Spring");
        article.GetProperty("status").GetString().Should().Be("Published");
        article.GetProperty("publishOn").GetString().Should().Be("2026-03-01");
        article.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("news", "cms");
        article.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("heading").GetString() + "/" + s.GetProperty("body").GetString())
            .Should().Equal("Intro/Hello", "More/World");
        article.GetProperty("cover").ValueKind.Should().Be(JsonValueKind.Null, "the optional file was left out");
        article.GetProperty("images").EnumerateArray().Select(i => i.GetString()).Should().Equal("a.png:3", "b.png:2");
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_form_may_send_a_list_of_objects_as_one_field_of_JSON_and_an_enum_by_number(DoorCase door)
    {
        await using var host = await StartAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Spring"), "title" },
            { new StringContent("2"), "status" },
            { new StringContent("""[{"heading":"Intro","body":"Hello"}]"""), "sections" },
            Uploads.File("cover", "cover.png", [9, 9], "image/png"),
        };

        using var response = await SendAsync(host, door, "ComposeArticle", "/api/v1/articles", form);

        var article = await JsonAsync(response);
        article.GetProperty("status").GetString().Should().Be("Archived");
        article.GetProperty("sections")[0].GetProperty("heading").GetString().Should().Be("Intro");
        article.GetProperty("cover").GetString().Should().Be("cover.png:2");
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_file_bearing_operation_takes_JSON_without_its_files(DoorCase door)
    {
        await using var host = await StartAsync();

        using var response = await SendJsonAsync(host, door, "ComposeArticle", "/api/v1/articles",
            """{"title":"Spring","status":"Draft","publishOn":"2026-03-01","tags":["a"],"sections":[{"heading":"h","body":"b"}]}""");

        var article = await JsonAsync(response);
        article.GetProperty("status").GetString().Should().Be("Draft");
        article.GetProperty("cover").ValueKind.Should().Be(JsonValueKind.Null);
        article.GetProperty("images").GetArrayLength().Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task An_indexed_field_error_is_keyed_by_its_path(DoorCase door)
    {
        await using var host = await StartAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Spring"), "title" },
            { new StringContent("Hello"), "sections[0].body" },
        };

        using var response = await SendAsync(host, door, "ComposeArticle", "/api/v1/articles", form);

        var errors = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        errors.EnumerateObject().Select(e => e.Name).Should().Equal("sections[0].heading");
    }

    private static async Task<List<JsonElement>> BothAsync(TestHost host, string actionId, string restPath, string json)
    {
        using var action = await SendJsonAsync(host, DoorCases.Action, actionId, restPath, json);
        using var rest = await SendJsonAsync(host, DoorCases.Rest, actionId, restPath, json);
        return [await JsonAsync(action), await JsonAsync(rest)];
    }

    private static Task<HttpResponseMessage> SendJsonAsync(TestHost host, DoorCase door, string actionId, string restPath, string json) =>
        SendAsync(host, door, actionId, restPath, Json(json));

    private static Task<HttpResponseMessage> SendAsync(TestHost host, DoorCase door, string actionId, string restPath, HttpContent content)
    {
        var message = door.BodyRequest(new DoorOperation(actionId, restPath["/api/v1/".Length..]), content);
        if (message.Headers.Accept.Count == 0)
        {
            message.Headers.Accept.ParseAdd(AppJson);
        }

        return host.Client.SendAsync(message);
    }

    private static HttpRequestMessage FormPost(string actionId, params (string Name, string Value)[] fields)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/_actions/" + actionId)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        message.Headers.Accept.ParseAdd(AppJson);
        return message;
    }

    private static StringContent Json(string json) => DoorCase.JsonContent(json);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonDocument> DocumentAsync(TestHost host, string name) =>
        JsonDocument.Parse(await host.Client.GetStringAsync($"/openapi/{name}.json"));

    private static JsonElement Schema(JsonDocument document, string name) =>
        document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private static JsonElement Property(JsonElement schema, string name) => schema.GetProperty("properties").GetProperty(name);

    private static bool Nullable(JsonElement schema, string name) =>
        Property(schema, name).TryGetProperty("nullable", out var nullable) && nullable.GetBoolean();

    private static List<string?> Required(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) ? [.. required.EnumerateArray().Select(e => e.GetString())] : [];

    private static (string?, string?) TypeAndFormat(JsonElement schema) =>
        (schema.GetProperty("type").GetString(), schema.TryGetProperty("format", out var format) ? format.GetString() : null);
}
