using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;

namespace Hybrid.Mcp.Tests;

/// <summary>tools/list: which operations are tools, how an agent sees each, and who sees which.</summary>
public sealed class ToolListTests
{
    [Fact]
    public async Task An_anonymous_caller_lists_the_tools_whose_policy_lets_it_through()
    {
        await using var host = await McpHost.StartAsync();
        await using var client = await host.ConnectAsync();

        var tools = await client.ListToolsAsync();

        tools.Select(t => t.Name).Should().Equal("AddNote", "CountOnce", "GetNote", "ListNotes", "TakeTooLong", "WaitForCancel");
        var add = tools.Single(t => t.Name == "AddNote").ProtocolTool;
        add.Title.Should().Be("Add a note");
        add.Description.Should().Be("Adds a note.");
    }

    [Fact]
    public async Task A_signed_in_caller_sees_the_tools_for_signed_in_callers_and_an_admin_the_admins_tool()
    {
        await using var host = await McpHost.StartAsync();
        await using var user = await host.ConnectAsync("ann");
        await using var admin = await host.ConnectAsync("bob", "admin");

        (await user.ListToolsAsync()).Select(t => t.Name).Should().Contain("WhoAmI").And.NotContain("notes.delete");
        (await admin.ListToolsAsync()).Select(t => t.Name).Should().Contain(["WhoAmI", "notes.delete"]);
    }

    [Fact]
    public async Task Hints_follow_what_the_operation_declares()
    {
        await using var host = await McpHost.StartAsync();
        await using var admin = await host.ConnectAsync("bob", "admin");
        var tools = (await admin.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool.Annotations!);

        (tools["ListNotes"].ReadOnlyHint, tools["ListNotes"].DestructiveHint, tools["ListNotes"].IdempotentHint).Should().Be((true, false, true));
        (tools["notes.delete"].ReadOnlyHint, tools["notes.delete"].DestructiveHint, tools["notes.delete"].IdempotentHint).Should().Be((false, true, true));
        (tools["AddNote"].ReadOnlyHint, tools["AddNote"].DestructiveHint, tools["AddNote"].IdempotentHint).Should().Be((false, false, true), "AddNote is [Idempotent]");
        (tools["WhoAmI"].ReadOnlyHint, tools["WhoAmI"].DestructiveHint, tools["WhoAmI"].IdempotentHint).Should().Be((false, false, false));
    }

    [Fact]
    public async Task Schemas_are_object_rooted_with_shared_definitions_once()
    {
        await using var host = await McpHost.StartAsync();
        await using var client = await host.ConnectAsync();
        var tools = (await client.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool);

        var input = tools["AddNote"].InputSchema;
        input.GetProperty("type").GetString().Should().Be("object");
        input.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should().Contain("title");
        var properties = input.GetProperty("properties");
        properties.GetProperty("title").GetProperty("maxLength").GetInt32().Should().Be(10);
        properties.GetProperty("priority").GetProperty("minimum").GetInt32().Should().Be(1);
        properties.GetProperty("requester").GetProperty("type").EnumerateArray().Select(e => e.GetString()).Should().Equal("string", "null");
        properties.GetProperty("tags").GetProperty("items").GetProperty("$ref").GetString().Should().Be("#/$defs/NoteTag");
        input.GetProperty("$defs").EnumerateObject().Select(p => p.Name).Should().Equal("NoteTag");
        input.GetRawText().Should().NotContain("nullable").And.NotContain("components");

        // An object result is the output schema itself; its shared types are defined once.
        var output = tools["AddNote"].OutputSchema!.Value;
        output.GetProperty("type").GetString().Should().Be("object");
        output.GetProperty("properties").GetProperty("tags").GetProperty("items").GetProperty("$ref").GetString().Should().Be("#/$defs/NoteTag");

        // A list is wrapped in {"result": ...}, as the door sends it.
        var list = tools["ListNotes"].OutputSchema!.Value;
        list.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should().Equal("result");
        list.GetProperty("properties").GetProperty("result").GetProperty("items").GetProperty("$ref").GetString().Should().Be("#/$defs/Note");
        list.GetProperty("$defs").EnumerateObject().Select(p => p.Name).Should().Equal("Note", "NoteTag");
        tools["ListNotes"].InputSchema.GetRawText().Should().Be("""{"type":"object","additionalProperties":false}""");
    }

    [Fact]
    public async Task The_tool_list_document_is_what_an_agent_with_every_tool_sees()
    {
        await using var host = await McpHost.StartAsync();
        var document = host.Services.GetRequiredService<MappedDoors>().Documents.Single(d => d.Name == "mcp-tools");
        using var json = JsonDocument.Parse(document.Bytes().Single());

        var tools = json.RootElement.GetProperty("tools").EnumerateArray().ToList();
        tools.Select(t => t.GetProperty("name").GetString()).Should().Equal("AddNote", "CountOnce", "GetNote", "ListNotes", "TakeTooLong", "WaitForCancel", "WhoAmI", "notes.delete");
        document.IsPublic.Should().BeFalse();
        tools[0].GetProperty("annotations").GetProperty("idempotentHint").GetBoolean().Should().BeTrue();
        tools[0].GetProperty("inputSchema").GetProperty("type").GetString().Should().Be("object");
    }
}
