using Hybrid.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hybrid.Core.Tests.Options;

/// <summary>The options the doors share; each door's own are tested with the door (DoorOptionsValidationTests).</summary>
public class HybridOptionsValidationTests
{
    private static readonly ScannedTypes Nothing = new();

    [Theory]
    [InlineData("openapi")]
    [InlineData("/openapi/")]
    [InlineData("/")]
    [InlineData("")]
    public async Task An_invalid_documents_path_fails_at_host_start_with_HYB060(string path)
    {
        var start = () => TestHost.StartAsync([Nothing], o => o.DocumentsPath = path);

        var error = (await start.Should().ThrowAsync<HybridConfigurationException>()).Which.Errors.Should().ContainSingle().Subject;
        error.Id.Should().Be("HYB060");
        error.Message.Should().Contain("DocumentsPath").And.Contain("Fix:");
    }

    [Fact]
    public async Task An_empty_title_fails_at_host_start_with_HYB061()
    {
        var start = () => TestHost.StartAsync([Nothing], o => o.Title = " ");

        (await start.Should().ThrowAsync<HybridConfigurationException>()).Which.Errors.Should().ContainSingle()
            .Which.Id.Should().Be("HYB061");
    }

    [Fact]
    public async Task Every_invalid_option_is_in_one_report()
    {
        var start = () => TestHost.StartAsync([Nothing], o =>
        {
            o.DocumentsPath = "docs";
            o.Title = "";
            o.MaxFiles = -1;
            o.MaxJsonDepth = 0;
        });

        (await start.Should().ThrowAsync<HybridConfigurationException>()).Which.Errors.Select(e => e.Id)
            .Should().Equal("HYB060", "HYB061", "HYB063", "HYB064");
    }

    [Fact]
    public void An_invalid_option_fails_when_the_options_are_read_with_its_id()
    {
        using var services = new ServiceCollection().AddHybrid([Nothing], o => o.DocumentsPath = "nope").BuildServiceProvider();

        var read = () => services.GetRequiredService<IOptions<HybridOptions>>().Value;

        read.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle()
            .Which.Should().StartWith("HYB060: ").And.Contain("DocumentsPath");
    }

    [Fact]
    public async Task Valid_options_start_and_keep_their_values()
    {
        await using var host = await TestHost.StartAsync([Nothing], o =>
        {
            o.DocumentsPath = "/docs";
            o.Title = "Blog";
            o.MaxFiles = 3;
        });

        var options = host.Services.GetRequiredService<IOptions<HybridOptions>>().Value;
        options.DocumentsPath.Should().Be("/docs");
        options.Title.Should().Be("Blog");
        options.MaxFiles.Should().Be(3);
        options.Assemblies.Should().Equal(Nothing);
    }

    [Fact]
    public async Task The_defaults_start()
    {
        await using var host = await TestHost.StartAsync([Nothing]);

        var options = host.Services.GetRequiredService<IOptions<HybridOptions>>().Value;
        options.DocumentsPath.Should().Be("/openapi");
        options.Title.Should().Be("Hybrid API");
        options.MaxFiles.Should().Be(10);
        options.MaxJsonDepth.Should().Be(32);
    }
}
