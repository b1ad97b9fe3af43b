using Hybrid.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hybrid.Core.Tests.Options;

public class HybridOptionsValidationTests
{
    private static readonly ScannedTypes Nothing = new();

    [Theory]
    [InlineData("nope")]
    [InlineData("/")]
    [InlineData("/actions/")]
    [InlineData("")]
    public async Task An_invalid_actions_path_fails_at_host_start(string path)
    {
        var start = () => TestHost.StartAsync([Nothing], o => o.ActionsPath = path);

        (await start.Should().ThrowAsync<HybridConfigurationException>())
            .Which.Message.Should().Contain("ActionsPath");
    }

    [Fact]
    public async Task An_invalid_rest_prefix_fails_at_host_start()
    {
        var start = () => TestHost.StartAsync([Nothing], o => o.RestPrefix = "api");

        await start.Should().ThrowAsync<HybridConfigurationException>();
    }

    [Fact]
    public async Task An_invalid_documents_path_fails_at_host_start()
    {
        var start = () => TestHost.StartAsync([Nothing], o => o.DocumentsPath = "/openapi/");

        await start.Should().ThrowAsync<HybridConfigurationException>();
    }

    [Fact]
    public async Task An_empty_title_fails_at_host_start()
    {
        var start = () => TestHost.StartAsync([Nothing], o => o.Title = " ");

        (await start.Should().ThrowAsync<HybridConfigurationException>()).Which.Message.Should().Contain("Title");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task A_body_limit_that_is_not_positive_fails_at_host_start(long size)
    {
        var start = () => TestHost.StartAsync([Nothing], o => o.MaxActionBodySize = size);

        (await start.Should().ThrowAsync<HybridConfigurationException>()).Which.Message.Should().Contain("MaxActionBodySize");
    }

    [Fact]
    public void An_invalid_path_fails_when_the_options_are_read()
    {
        using var services = new ServiceCollection().AddHybrid([Nothing], o => o.ActionsPath = "nope").BuildServiceProvider();

        var read = () => services.GetRequiredService<IOptions<HybridOptions>>().Value;

        read.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle()
            .Which.Should().Contain("ActionsPath");
    }

    [Fact]
    public async Task Valid_options_start_and_keep_their_values()
    {
        await using var host = await TestHost.StartAsync([Nothing], o =>
        {
            o.ActionsPath = "/rpc";
            o.RestPrefix = "/v";
            o.DocumentsPath = "/docs";
            o.Title = "Blog";
            o.MaxActionBodySize = 10;
        });

        var options = host.Services.GetRequiredService<IOptions<HybridOptions>>().Value;
        options.ActionsPath.Should().Be("/rpc");
        options.RestPrefix.Should().Be("/v");
        options.DocumentsPath.Should().Be("/docs");
        options.Title.Should().Be("Blog");
        options.MaxActionBodySize.Should().Be(10);
        options.Assemblies.Should().Equal(Nothing);
    }

    [Fact]
    public async Task The_defaults_start()
    {
        await using var host = await TestHost.StartAsync([Nothing]);

        var options = host.Services.GetRequiredService<IOptions<HybridOptions>>().Value;
        options.ActionsPath.Should().Be("/_actions");
        options.RestPrefix.Should().Be("/api");
        options.DocumentsPath.Should().Be("/openapi");
        options.MaxActionBodySize.Should().Be(1024 * 1024);
        options.Title.Should().Be("Hybrid API");
    }
}
