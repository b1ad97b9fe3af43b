using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Mcp.Tests;

/// <summary>A tool declared in code is the same as one declared by attribute, and the inventory has the door's column.</summary>
public sealed class CodeDeclarationTests
{
    [Fact]
    public async Task A_tool_declared_in_code_takes_its_name_and_conventions_from_code()
    {
        await using var host = await McpHost.StartAsync(
            o => o.Expose<Pick>(op =>
            {
                op.AsMcpTool("values.pick", "Pick a value");
                op.Mcp().RequireAuthorization();
            }),
            [typeof(Pick), typeof(PickHandler)]);
        await using var anonymous = await host.ConnectAsync();
        await using var user = await host.ConnectAsync("ann");

        (await anonymous.ListToolsAsync()).Should().BeEmpty("the convention on the tool requires a signed-in caller");
        var tool = (await user.ListToolsAsync()).Should().ContainSingle().Subject;
        tool.Name.Should().Be("values.pick");
        tool.Title.Should().Be("Pick a value");
    }

    [Fact]
    public async Task Op_Mcp_alone_makes_the_operation_a_tool_under_its_type_name()
    {
        await using var host = await McpHost.StartAsync(o => o.Expose<Pick>(op => op.Mcp().AllowAnonymous()), [typeof(Pick), typeof(PickHandler)]);
        await using var client = await host.ConnectAsync();

        var tool = (await client.ListToolsAsync()).Should().ContainSingle().Subject;
        tool.Name.Should().Be(nameof(Pick));
        (await client.CallToolAsync(nameof(Pick))).IsError.Should().NotBe(true);
    }

    [Fact]
    public async Task The_exposure_inventory_has_a_column_for_the_tools_and_their_policy()
    {
        await using var host = await McpHost.StartAsync();

        var inventory = HybridExposure.Describe(host.App);

        inventory.Should().Contain("| MCP tool |");
        inventory.Should().Contain("`notes.delete`").And.Contain("roles: admin");
    }
}

/// <summary>Picks a value; exposed in code only.</summary>
public sealed class Pick : IRequest<int>;

public sealed class PickHandler : IRequestHandler<Pick, int>
{
    public Task<int> Handle(Pick request, CancellationToken cancellationToken) => Task.FromResult(7);
}
