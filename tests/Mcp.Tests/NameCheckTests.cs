using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Hybrid.Mcp.Tests;

/// <summary>Tool names and descriptions are checked at start-up, in Hybrid's one report.</summary>
public sealed class NameCheckTests
{
    [Fact]
    public async Task A_name_agents_cannot_call_and_two_tools_with_one_name_stop_the_app_with_their_ids()
    {
        var start = () => McpHost.StartAsync(types: [typeof(BadName), typeof(BadNameHandler), typeof(SameOne), typeof(SameOneHandler), typeof(SameTwo), typeof(SameTwoHandler)]);

        var errors = (await start.Should().ThrowAsync<HybridConfigurationException>()).Which.Errors;

        errors.Should().Contain(e => e.Id == "HYB110" && e.Message.Contains("'bad name!'", StringComparison.Ordinal));
        errors.Should().Contain(e => e.Id == "HYB111" && e.Message.Contains("SameOne", StringComparison.Ordinal) && e.Message.Contains("SameTwo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tool_without_a_description_is_an_error_when_every_policy_must_be_explicit()
    {
        var start = () => McpHost.StartAsync(o => o.RequireExplicitPolicy = true, [typeof(Undocumented), typeof(UndocumentedHandler)]);

        var errors = (await start.Should().ThrowAsync<HybridConfigurationException>()).Which.Errors;

        errors.Should().ContainSingle(e => e.Id == "HYB112").Which.Message.Should().Contain("'Undocumented'");
    }

    [Fact]
    public async Task A_tool_without_a_description_starts_otherwise()
    {
        await using var host = await McpHost.StartAsync(types: [typeof(Undocumented), typeof(UndocumentedHandler)]);
        await using var client = await host.ConnectAsync();

        (await client.ListToolsAsync()).Single().Description.Should().BeNullOrEmpty();
    }
}

/// <summary>Has a name no agent can call.</summary>
[McpTool(Name = "bad name!")]
[AllowAnonymous]
public sealed class BadName : IRequest<int>;

public sealed class BadNameHandler : IRequestHandler<BadName, int>
{
    public Task<int> Handle(BadName request, CancellationToken cancellationToken) => Task.FromResult(1);
}

/// <summary>One of two tools named the same.</summary>
[McpTool(Name = "same")]
[AllowAnonymous]
public sealed class SameOne : IRequest<int>;

public sealed class SameOneHandler : IRequestHandler<SameOne, int>
{
    public Task<int> Handle(SameOne request, CancellationToken cancellationToken) => Task.FromResult(1);
}

/// <summary>The other tool named the same, but for case.</summary>
[McpTool(Name = "Same")]
[AllowAnonymous]
public sealed class SameTwo : IRequest<int>;

public sealed class SameTwoHandler : IRequestHandler<SameTwo, int>
{
    public Task<int> Handle(SameTwo request, CancellationToken cancellationToken) => Task.FromResult(2);
}

[McpTool]
[AllowAnonymous]
public sealed class Undocumented : IRequest<int>
{
    [Range(1, 2)]
    public int Value { get; set; } = 1;
}

public sealed class UndocumentedHandler : IRequestHandler<Undocumented, int>
{
    public Task<int> Handle(Undocumented request, CancellationToken cancellationToken) => Task.FromResult(request.Value);
}
