using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using Hybrid.Testing;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Hybrid.Mcp.Tests;

/// <summary>tools/call: results, problems, refusals and protocol errors, as an agent receives them.</summary>
public sealed class ToolCallTests
{
    [Fact]
    public async Task A_valid_call_runs_the_handler_and_answers_structured_content_and_the_same_json_as_text()
    {
        await using var host = await McpHost.StartAsync();
        await using var client = await host.ConnectAsync();

        var result = await client.CallToolAsync("AddNote", new Dictionary<string, object?> { ["title"] = "Milk", ["priority"] = 2, ["tags"] = new[] { new { name = "shop" } } });

        result.IsError.Should().NotBe(true);
        var note = result.StructuredContent!.Value;
        note.GetProperty("title").GetString().Should().Be("Milk");
        note.GetProperty("priority").GetInt32().Should().Be(2);
        note.GetProperty("tags")[0].GetProperty("name").GetString().Should().Be("shop");
        result.Content.OfType<TextContentBlock>().Single().Text.Should().Be(note.GetRawText());
        host.Store().Notes.Should().ContainSingle(n => n.Title == "Milk");
    }

    [Fact]
    public async Task A_result_that_is_not_an_object_is_wrapped_in_result()
    {
        await using var host = await McpHost.StartAsync();
        await using var client = await host.ConnectAsync();
        await client.CallToolAsync("AddNote", new Dictionary<string, object?> { ["title"] = "Eggs" });

        var result = await client.CallToolAsync("ListNotes");

        result.StructuredContent!.Value.GetProperty("result")[0].GetProperty("title").GetString().Should().Be("Eggs");
    }

    [Fact]
    public async Task Invalid_arguments_are_an_error_result_with_every_field_error_and_nothing_runs()
    {
        await using var host = await McpHost.StartAsync();
        await using var client = await host.ConnectAsync();

        var result = await client.CallToolAsync("AddNote", new Dictionary<string, object?> { ["title"] = "far too long a title", ["priority"] = 9, ["colour"] = "red" });

        var problem = Problem(result);
        problem["status"]!.GetValue<int>().Should().Be(400);
        problem["code"]!.GetValue<string>().Should().Be("validation_failed");
        problem["errors"]!.AsObject().Select(e => e.Key).Should().BeEquivalentTo(["title", "priority", "colour"]);
        problem["traceId"].Should().NotBeNull();
        host.Store().Notes.Should().BeEmpty();
    }

    [Fact]
    public async Task A_declared_problem_is_an_error_result_with_its_code()
    {
        await using var host = await McpHost.StartAsync();
        await using var client = await host.ConnectAsync();

        var problem = Problem(await client.CallToolAsync("GetNote", new Dictionary<string, object?> { ["id"] = 42 }));

        (problem["status"]!.GetValue<int>(), problem["code"]!.GetValue<string>(), problem["detail"]!.GetValue<string>())
            .Should().Be((404, "note_not_found", "There is no note 42."));
    }

    [Fact]
    public async Task A_tool_the_caller_may_not_call_is_refused_with_the_problem_an_http_door_gives()
    {
        await using var host = await McpHost.StartAsync();
        await using var anonymous = await host.ConnectAsync();
        await using var user = await host.ConnectAsync("ann");
        await using var admin = await host.ConnectAsync("bob", "admin");

        Problem(await anonymous.CallToolAsync("WhoAmI"))["code"]!.GetValue<string>().Should().Be("unauthorized");
        Problem(await user.CallToolAsync("notes.delete", new Dictionary<string, object?> { ["id"] = 1 }))["code"]!.GetValue<string>().Should().Be("forbidden");

        (await user.CallToolAsync("WhoAmI")).StructuredContent!.Value.GetProperty("result").GetString().Should().Be("ann");
        (await admin.CallToolAsync("notes.delete", new Dictionary<string, object?> { ["id"] = 1 })).IsError.Should().NotBe(true);
    }

    [Fact]
    public async Task An_unknown_tool_and_arguments_that_are_not_an_object_are_protocol_errors()
    {
        await using var host = await McpHost.StartAsync();
        await using var client = await host.ConnectAsync();

        var unknown = async () => await client.CallToolAsync("NoSuchTool");
        (await unknown.Should().ThrowAsync<McpProtocolException>()).Which.ErrorCode.Should().Be(McpErrorCode.InvalidParams);

        using var response = await host.Client.SendAsync(Rpc("""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"AddNote","arguments":[1,2]}}"""));
        var text = await response.Content.ReadAsStringAsync();
        text.Should().Contain("\"error\"").And.Contain("\"id\":7").And.NotContain("isError");
    }

    [Fact]
    public async Task A_rate_limited_tool_is_refused_past_its_policy_with_429_and_retry_after()
    {
        await using var host = await McpHost.StartAsync();
        await using var client = await host.ConnectAsync("ann");

        (await client.CallToolAsync("CountOnce")).IsError.Should().NotBe(true);
        var refused = await client.CallToolAsync("CountOnce");

        var problem = Problem(refused);
        (problem["status"]!.GetValue<int>(), problem["code"]!.GetValue<string>()).Should().Be((429, "rate_limited"));
        refused.Meta!["retryAfter"]!.GetValue<string>().Should().NotBeEmpty();
        host.Store().Counted.Should().Be(1);
    }

    [Fact]
    public async Task An_idempotent_tool_retried_with_its_key_answers_the_first_result_without_running_again()
    {
        await using var host = await McpHost.StartAsync();
        await using var client = await host.ConnectAsync();
        var options = new RequestOptions { Meta = new JsonObject { [McpIdempotency.MetaKey] = "k-1" } };
        var arguments = new Dictionary<string, object?> { ["title"] = "Once" };

        var first = await client.CallToolAsync("AddNote", arguments, options: options);
        var retry = await client.CallToolAsync("AddNote", arguments, options: options);
        var reused = await client.CallToolAsync("AddNote", new Dictionary<string, object?> { ["title"] = "Other" }, options: options);

        retry.StructuredContent!.Value.GetRawText().Should().Be(first.StructuredContent!.Value.GetRawText());
        Problem(reused)["code"]!.GetValue<string>().Should().Be("idempotency_key_reused");
        host.Store().Notes.Should().ContainSingle();
    }

    [Fact]
    public async Task A_call_past_its_timeout_is_cancelled_and_answered_as_the_other_doors_answer()
    {
        await using var host = await McpHost.StartAsync();
        await using var client = await host.ConnectAsync();

        var problem = Problem(await client.CallToolAsync("TakeTooLong"));

        (problem["status"]!.GetValue<int>(), problem["code"]!.GetValue<string>()).Should().Be((504, "request_timeout"));
    }

    [Fact]
    public async Task A_mutation_revalidates_what_it_declares()
    {
        await using var host = await McpHost.StartAsync();
        await using var client = await host.ConnectAsync();

        await client.CallToolAsync("AddNote", new Dictionary<string, object?> { ["title"] = "Tea" });

        host.Store().Evicted.Should().Equal("notes");
    }

    [Fact]
    public async Task A_call_is_measured_with_the_mcp_door_tag()
    {
        await using var host = await McpHost.StartAsync();
        using var durations = new DurationRecorder(host.Services, "GetNote");
        await using var client = await host.ConnectAsync();

        await client.CallToolAsync("GetNote", new Dictionary<string, object?> { ["id"] = 1 });

        var tags = (await durations.WaitForAsync(1)).Single();
        tags[HybridTelemetry.DoorTag].Should().Be("mcp");
        tags[HybridTelemetry.ErrorTypeTag].Should().Be("note_not_found");
    }

    [Fact]
    public async Task A_message_over_the_doors_body_limit_is_413()
    {
        await using var host = await McpHost.StartAsync(o => o.Mcp().MaxBodySize = 1000);

        using var response = await host.Client.SendAsync(Rpc("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"AddNote","arguments":{"title":"X"}}}""".Replace("X", new string('x', 2000), StringComparison.Ordinal)));

        await response.ShouldBeProblemAsync(System.Net.HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    internal static JsonObject Problem(CallToolResult result)
    {
        result.IsError.Should().BeTrue();
        result.StructuredContent.Should().BeNull();
        return JsonNode.Parse(result.Content.OfType<TextContentBlock>().Single().Text)!.AsObject();
    }

    /// <summary>One JSON-RPC message as a client posts it to /mcp (stateless: no session, no handshake).</summary>
    internal static HttpRequestMessage Rpc(string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Accept", "application/json, text/event-stream");
        request.Headers.Add("MCP-Protocol-Version", "2025-06-18");
        return request;
    }
}
