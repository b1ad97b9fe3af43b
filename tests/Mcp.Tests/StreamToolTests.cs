using System.Collections.Concurrent;
using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;

namespace Hybrid.Mcp.Tests;

/// <summary>A stream operation as a tool: its items as progress notifications when asked, and collected into the result.</summary>
public sealed class StreamToolTests
{
    private static readonly Type[] Types = [.. McpHost.NoteTypes, .. TickProbe.Types];

    [Fact]
    public async Task Each_item_is_a_progress_notification_in_order_on_the_calls_response_then_the_result_holds_them_all()
    {
        await using var host = await McpHost.StartAsync(types: Types);

        var messages = await CallOnTheWireAsync(host, """{"name":"CountTicks","arguments":{"count":3},"_meta":{"progressToken":"p-1"}}""");

        messages.Should().HaveCount(4);
        for (var n = 1; n <= 3; n++)
        {
            var notification = messages[n - 1];
            notification["method"]!.GetValue<string>().Should().Be("notifications/progress");
            var progress = notification["params"]!.AsObject();
            progress["progressToken"]!.GetValue<string>().Should().Be("p-1");
            progress["progress"]!.GetValue<double>().Should().Be(n);
            progress["message"]!.GetValue<string>().Should().Be($$"""{"n":{{n}},"text":"tick {{n}}"}""");
            progress.ContainsKey("total").Should().BeFalse("a stream does not know its length");
        }

        var result = messages[3]["result"]!;
        result["structuredContent"]!.ToJsonString().Should().Be("""{"items":[{"n":1,"text":"tick 1"},{"n":2,"text":"tick 2"},{"n":3,"text":"tick 3"}],"value":{"total":3}}""");
        result["content"]![0]!["text"]!.GetValue<string>().Should().Be(result["structuredContent"]!.ToJsonString());
        host.Services.GetRequiredService<TickProbe>().ResumedAfter.Should().Equal([null], "there is no resume over MCP");
    }

    [Fact]
    public async Task Without_a_progress_token_only_the_result_is_sent()
    {
        await using var host = await McpHost.StartAsync(types: Types);

        var messages = await CallOnTheWireAsync(host, """{"name":"CountTicks","arguments":{"count":3}}""");

        messages.Should().ContainSingle().Which["result"]!["structuredContent"]!["items"]!.AsArray().Should().HaveCount(3);
    }

    [Fact]
    public async Task The_sdk_client_reports_each_item_through_its_progress_and_gets_them_all_in_the_result()
    {
        await using var host = await McpHost.StartAsync(types: Types);
        await using var client = await host.ConnectAsync();
        var reported = new Reported();

        var result = await client.CallToolAsync("CountTicks", new Dictionary<string, object?> { ["count"] = 3, ["delayMs"] = 200 }, reported);

        result.IsError.Should().NotBe(true);
        result.StructuredContent!.Value.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("n").GetInt32()).Should().Equal(1, 2, 3);
        result.StructuredContent!.Value.GetProperty("value").GetProperty("total").GetInt32().Should().Be(3);

        // The SDK's client handles each message on a task of its own: order them by their progress.
        reported.Values.OrderBy(v => v.Progress).Select(v => (v.Progress, v.Message, v.Total))
            .Should().Equal((1f, """{"n":1,"text":"tick 1"}""", (float?)null), (2f, """{"n":2,"text":"tick 2"}""", null), (3f, """{"n":3,"text":"tick 3"}""", null));
    }

    [Theory]
    [InlineData(true, 409, "tick_conflict")]
    [InlineData(false, 500, "internal_error")]
    public async Task A_failure_mid_stream_is_an_error_result_with_its_problem_after_the_notifications_already_sent(bool declared, int status, string code)
    {
        await using var host = await McpHost.StartAsync(types: Types);

        var messages = await CallOnTheWireAsync(host, $$$"""{"name":"CountTicks","arguments":{"count":5,"failAt":3,"declared":{{{(declared ? "true" : "false")}}}},"_meta":{"progressToken":7}}""");

        messages.Take(2).Select(m => m["params"]!["progress"]!.GetValue<double>()).Should().Equal(1, 2);
        messages.Should().HaveCount(3);
        var result = messages[2]["result"]!.AsObject();
        result["isError"]!.GetValue<bool>().Should().BeTrue();
        result.ContainsKey("structuredContent").Should().BeFalse();
        var problem = JsonNode.Parse(result["content"]![0]!["text"]!.GetValue<string>())!;
        (problem["status"]!.GetValue<int>(), problem["code"]!.GetValue<string>()).Should().Be((status, code));
        problem["traceId"].Should().NotBeNull();
        result["content"]![0]!["text"]!.GetValue<string>().Should().NotContain("secret");
    }

    [Fact]
    public async Task Cancelling_the_call_cancels_the_handler_and_its_finally_runs()
    {
        await using var host = await McpHost.StartAsync(types: Types);
        await using var client = await host.ConnectAsync();
        var probe = host.Services.GetRequiredService<TickProbe>();
        using var cancel = new CancellationTokenSource();

        var call = client.CallToolAsync("CountTicks", new Dictionary<string, object?> { ["count"] = 5, ["holdAfter"] = 2 }, new Reported(), cancellationToken: cancel.Token).AsTask();
        await probe.Holding.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();

        (await probe.Finished.Task.WaitAsync(TimeSpan.FromSeconds(30))).Should().BeTrue("the handler saw its token cancelled");
        await call.Invoking(c => c).Should().ThrowAsync<OperationCanceledException>();
        probe.LastYielded.Should().Be(2);
    }

    [Fact]
    public async Task A_stream_past_the_doors_cap_is_stopped_and_answers_result_too_large()
    {
        await using var host = await McpHost.StartAsync(o => o.Mcp().MaxStreamItems = 3, Types);
        await using var client = await host.ConnectAsync();
        var probe = host.Services.GetRequiredService<TickProbe>();

        var problem = ToolCallTests.Problem(await client.CallToolAsync("CountTicks", new Dictionary<string, object?> { ["count"] = 100 }));

        (problem["status"]!.GetValue<int>(), problem["code"]!.GetValue<string>()).Should().Be((422, "result_too_large"));
        problem["detail"]!.GetValue<string>().Should().Contain("3 items");
        (await probe.Finished.Task.WaitAsync(TimeSpan.FromSeconds(30))).Should().BeTrue("the handler is stopped as for a caller that left");
        probe.LastYielded.Should().Be(4, "the item past the cap is the last one asked for");
        (await client.CallToolAsync("CountTicks", new Dictionary<string, object?> { ["count"] = 3 })).IsError.Should().NotBe(true);
    }

    [Fact]
    public async Task The_byte_cap_counts_the_items_json()
    {
        // Each tick is 22 bytes of JSON: two fit in 50, the third does not.
        await using var host = await McpHost.StartAsync(o => o.Mcp().MaxStreamBytes = 50, Types);

        var messages = await CallOnTheWireAsync(host, """{"name":"CountTicks","arguments":{"count":3},"_meta":{"progressToken":"b"}}""");

        messages.Should().HaveCount(3, "the two items collected were sent, the third was not");
        JsonNode.Parse(messages[2]["result"]!["content"]![0]!["text"]!.GetValue<string>())!["code"]!.GetValue<string>().Should().Be("result_too_large");
    }

    [Fact]
    public async Task The_streams_maximum_duration_stops_the_handler_and_answers_request_timeout()
    {
        await using var host = await McpHost.StartAsync(types: Types);
        await using var client = await host.ConnectAsync();

        var problem = ToolCallTests.Problem(await client.CallToolAsync("TickForever"));

        (problem["status"]!.GetValue<int>(), problem["code"]!.GetValue<string>()).Should().Be((504, "request_timeout"));
        (await host.Services.GetRequiredService<TickProbe>().Finished.Task.WaitAsync(TimeSpan.FromSeconds(30))).Should().BeTrue();
    }

    [Fact]
    public async Task A_credential_that_expires_while_the_stream_runs_stops_it_with_auth_expired()
    {
        await using var host = await BearerChallengeTests.StartAsync(Types);
        await using var client = await host.ConnectWithTokenAsync(BearerChallengeTests.Token("carol", TimeSpan.FromSeconds(1)));

        var problem = ToolCallTests.Problem(await client.CallToolAsync("TickForUser"));

        (problem["status"]!.GetValue<int>(), problem["code"]!.GetValue<string>()).Should().Be((401, "auth_expired"));
        (await host.Services.GetRequiredService<TickProbe>().Finished.Task.WaitAsync(TimeSpan.FromSeconds(30))).Should().BeTrue();
    }

    [Fact]
    public async Task The_tools_output_schema_is_the_items_wrapper_with_the_items_schema()
    {
        await using var host = await McpHost.StartAsync(types: Types);
        await using var client = await host.ConnectAsync();

        var tool = (await client.ListToolsAsync()).Single(t => t.Name == "CountTicks").ProtocolTool;

        var output = JsonNode.Parse(tool.OutputSchema!.Value.GetRawText())!;
        output["type"]!.GetValue<string>().Should().Be("object");
        output["required"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal("items");
        output["additionalProperties"]!.GetValue<bool>().Should().BeFalse();
        output["properties"]!["items"]!["type"]!.GetValue<string>().Should().Be("array");
        output["properties"]!["items"]!["items"]!["$ref"]!.GetValue<string>().Should().Be("#/$defs/Tick");
        output["properties"]!.AsObject().Select(p => p.Key).Should().Equal("items", "value");
        var tick = output["$defs"]!["Tick"]!;
        tick["required"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal("n", "text");
        tick["properties"]!["n"]!["type"]!.GetValue<string>().Should().Be("integer");
        output["$defs"]!.AsObject().Select(p => p.Key).Should().Equal("Tick");
        JsonNode.Parse(tool.InputSchema.GetRawText())!["properties"]!.AsObject().Select(p => p.Key)
            .Should().Equal("count", "delayMs", "failAt", "declared", "holdAfter");
    }

    [Fact]
    public async Task Caps_below_one_stop_the_app_with_HYB114()
    {
        var start = () => McpHost.StartAsync(o => o.Mcp().MaxStreamItems = 0, Types);

        (await start.Should().ThrowAsync<HybridConfigurationException>()).Which.Errors.Should().Contain(e => e.Id == "HYB114" && e.Message.Contains("MaxStreamItems", StringComparison.Ordinal));
    }

    /// <summary>Posts one tools/call and reads every JSON-RPC message of its event stream, in the order sent.</summary>
    private static async Task<List<JsonObject>> CallOnTheWireAsync(Hybrid.Testing.TestHost host, string parameters)
    {
        using var request = ToolCallTests.Rpc("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":""" + parameters + "}");
        using var response = await host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        var messages = new List<JsonObject>();
        await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync()).EnumerateAsync())
        {
            if (item.Data.Length > 0)
            {
                messages.Add(JsonNode.Parse(item.Data)!.AsObject());
            }
        }

        return messages;
    }

    /// <summary>What a client's progress was told, kept as reported (the SDK reports on its own tasks).</summary>
    private sealed class Reported : IProgress<ProgressNotificationValue>
    {
        private readonly ConcurrentQueue<ProgressNotificationValue> _values = new();

        public IReadOnlyList<ProgressNotificationValue> Values => [.. _values];

        public void Report(ProgressNotificationValue value) => _values.Enqueue(value);
    }
}
