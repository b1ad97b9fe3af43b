using Hybrid.Http;
using Hybrid.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hybrid.Actions.Tests;

/// <summary>Each door's own options, reached through <c>options.Actions()</c> and <c>options.Rest()</c>, checked at start-up with the shared ones.</summary>
public class DoorOptionsValidationTests
{
    private static readonly ScannedTypes Nothing = new();

    [Theory]
    [InlineData("nope")]
    [InlineData("/")]
    [InlineData("/actions/")]
    [InlineData("")]
    public async Task An_invalid_actions_path_fails_at_host_start_with_HYB060(string path)
    {
        var start = () => TestHost.StartAsync([Nothing], o => o.Actions().Path = path);

        var error = (await start.Should().ThrowAsync<HybridConfigurationException>()).Which.Errors.Should().ContainSingle().Subject;
        error.Id.Should().Be("HYB060");
        error.Message.Should().Contain("options.Actions().Path");
    }

    [Fact]
    public async Task An_invalid_rest_prefix_fails_at_host_start_with_HYB060()
    {
        var start = () => TestHost.StartAsync([Nothing], o => o.Rest().Prefix = "api");

        (await start.Should().ThrowAsync<HybridConfigurationException>()).Which.Errors.Should().ContainSingle()
            .Which.Message.Should().Contain("options.Rest().Prefix");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task A_body_limit_that_is_not_positive_fails_at_host_start_with_HYB062(long size)
    {
        var start = () => TestHost.StartAsync([Nothing], o =>
        {
            o.Actions().MaxBodySize = size;
            o.Rest().MaxBodySize = size;
        });

        var errors = (await start.Should().ThrowAsync<HybridConfigurationException>()).Which.Errors;
        errors.Select(e => e.Id).Should().Equal("HYB062", "HYB062");
        errors.Select(e => e.Message).Should().Contain(m => m.Contains("options.Actions().MaxBodySize")).And.Contain(m => m.Contains("options.Rest().MaxBodySize"));
    }

    [Fact]
    public async Task Door_options_and_shared_options_are_one_report()
    {
        var start = () => TestHost.StartAsync([Nothing], o =>
        {
            o.Title = "";
            o.Actions().OpaqueIds = true;
            o.Rest().Prefix = "/api/";
        });

        (await start.Should().ThrowAsync<HybridConfigurationException>()).Which.Errors.Select(e => e.Id)
            .Should().BeEquivalentTo(["HYB061", "HYB069", "HYB060"]);
    }

    [Fact]
    public async Task Valid_door_options_start_and_keep_their_values()
    {
        await using var host = await TestHost.StartAsync([Nothing], o =>
        {
            o.Actions().Path = "/rpc";
            o.Actions().MaxBodySize = 10;
            o.Rest().Prefix = "/v";
        });

        var options = host.Services.GetRequiredService<IOptions<HybridOptions>>().Value;
        options.Actions().Path.Should().Be("/rpc");
        options.Actions().MaxBodySize.Should().Be(10);
        options.Rest().Prefix.Should().Be("/v");
        options.Actions().Should().BeSameAs(options.Actions());
    }

    [Fact]
    public void The_door_defaults()
    {
        var options = new HybridOptions();

        options.Actions().Path.Should().Be("/_actions");
        options.Actions().MaxBodySize.Should().Be(1024 * 1024);
        options.Actions().RequireAntiforgeryTokens.Should().BeFalse();
        options.Actions().OpaqueIds.Should().BeFalse();
        options.Rest().Prefix.Should().Be("/api");
        options.Rest().MaxBodySize.Should().Be(1024 * 1024);
        options.Rest().Should().BeOfType<RestDoorOptions>();
    }
}
