using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;

namespace Hybrid.Http.Tests;

/// <summary>The REST document shows what the binder reads: repeated query parameters, headers, and bodies without either.</summary>
public sealed class BindingDocumentTests
{
    private static async Task<JsonDocument> DocumentAsync()
    {
        await using var host = await RestHost.StartAsync(o =>
        {
            o.Expose<FindGadgets>(b => b.Get("gadgets/find"));
            o.Expose<TraceGadget>(b => b.Get("gadgets/{gadgetId}/trace").Route("POST", "gadgets/{gadgetId}/trace", statusCode: 200));
            o.Expose<SignGadget>(b => b.Route("POST", "gadgets/sign", statusCode: 200));
        });
        return JsonDocument.Parse(await host.Client.GetStringAsync("/openapi/v1.json"));
    }

    private static JsonElement Parameter(JsonElement operation, string name) =>
        operation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);

    [Fact]
    public async Task A_collection_is_a_repeated_query_parameter_of_type_array()
    {
        using var document = await DocumentAsync();
        var find = document.RootElement.GetProperty("paths").GetProperty("/api/v1/gadgets/find").GetProperty("get");

        foreach (var (name, itemType) in new[] { ("tag", "string"), ("size", "integer"), ("id", "string") })
        {
            var parameter = Parameter(find, name);
            parameter.GetProperty("in").GetString().Should().Be("query");
            parameter.GetProperty("style").GetString().Should().Be("form");
            parameter.GetProperty("explode").GetBoolean().Should().BeTrue();
            var schema = parameter.GetProperty("schema");
            schema.GetProperty("type").ToString().Should().Contain("array");
            schema.GetProperty("items").GetProperty("type").ToString().Should().Contain(itemType);
        }

        var page = Parameter(find, "page");
        page.TryGetProperty("style", out _).Should().BeFalse();
        page.TryGetProperty("explode", out _).Should().BeFalse();
    }

    [Fact]
    public async Task Header_members_are_header_parameters_on_every_route_and_absent_from_query_and_body()
    {
        using var document = await DocumentAsync();
        var path = document.RootElement.GetProperty("paths").GetProperty("/api/v1/gadgets/{gadgetId}/trace");

        foreach (var method in new[] { "get", "post" })
        {
            var operation = path.GetProperty(method);
            var names = operation.GetProperty("parameters").EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("in").GetString())).ToList();
            names.Should().Contain([("gadgetId", "path"), ("X-Tenant", "header"), ("Priority", "header"), ("X-Since", "header")]);
            names.Should().NotContain(n => n.Item2 == "query" && n.Item1 != "note");
        }

        var body = path.GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var component = body.GetProperty("$ref").GetString()!.Split('/')[^1];
        document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(component)
            .GetProperty("properties").EnumerateObject().Select(p => p.Name).Should().Equal("note");
    }

    [Fact]
    public async Task A_required_header_member_is_a_required_header_parameter_and_not_in_the_body()
    {
        using var document = await DocumentAsync();
        var sign = document.RootElement.GetProperty("paths").GetProperty("/api/v1/gadgets/sign").GetProperty("post");

        var signer = Parameter(sign, "X-Signer");
        signer.GetProperty("in").GetString().Should().Be("header");
        signer.GetProperty("required").GetBoolean().Should().BeTrue();
        var component = sign.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!.Split('/')[^1];
        var schema = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(component);
        schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Should().Equal("note");
        schema.TryGetProperty("required", out _).Should().BeFalse();
    }
}
