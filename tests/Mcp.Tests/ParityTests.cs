using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Hybrid.Mcp.Tests;

/// <summary>One operation through all three doors: the same result, and the same field errors for the same mistakes.</summary>
public sealed class ParityTests
{
    private const string Valid = """{"title":"Milk","priority":2,"tags":[{"name":"shop"}]}""";

    private const string Invalid = """{"title":"far too long a title","priority":"high","colour":"red"}""";

    [Fact]
    public async Task The_action_the_rest_route_and_the_tool_answer_alike()
    {
        await using var host = await McpHost.StartAsync();
        await using var client = await host.ConnectAsync();

        using var action = await host.Client.PostAsync("/_actions/AddNote", Json(Valid));
        using var rest = await host.Client.PostAsync("/api/v1/notes", Json(Valid));
        var tool = await client.CallToolAsync("AddNote", Arguments(Valid));

        action.StatusCode.Should().Be(HttpStatusCode.OK);
        rest.StatusCode.Should().Be(HttpStatusCode.Created);
        var results = new[] { await BodyAsync(action), await BodyAsync(rest), JsonNode.Parse(tool.StructuredContent!.Value.GetRawText())!.AsObject() };
        foreach (var result in results)
        {
            result.Remove("id").Should().BeTrue();
        }

        results[1].ToJsonString().Should().Be(results[0].ToJsonString());
        results[2].ToJsonString().Should().Be(results[0].ToJsonString());
    }

    [Fact]
    public async Task The_action_the_rest_route_and_the_tool_name_the_same_field_errors()
    {
        await using var host = await McpHost.StartAsync();
        await using var client = await host.ConnectAsync();

        using var action = await host.Client.PostAsync("/_actions/AddNote", Json(Invalid));
        using var rest = await host.Client.PostAsync("/api/v1/notes", Json(Invalid));
        var tool = ToolCallTests.Problem(await client.CallToolAsync("AddNote", Arguments(Invalid)));

        action.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        rest.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var actionErrors = (await BodyAsync(action))["errors"]!.ToJsonString();
        actionErrors.Should().Contain("title").And.Contain("priority").And.Contain("colour");
        (await BodyAsync(rest))["errors"]!.ToJsonString().Should().Be(actionErrors);
        tool["errors"]!.ToJsonString().Should().Be(actionErrors);
        tool["code"]!.GetValue<string>().Should().Be("validation_failed");
        host.Store().Notes.Should().BeEmpty();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static Dictionary<string, object?> Arguments(string json) =>
        JsonNode.Parse(json)!.AsObject().ToDictionary(p => p.Key, p => (object?)p.Value?.DeepClone());

    private static async Task<JsonObject> BodyAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}
