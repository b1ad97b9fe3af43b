using Hybrid.Testing;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Streaming.Tests;

public sealed class CheckTests
{
    [Fact]
    public async Task A_heartbeat_not_shorter_than_the_clients_timeout_stops_the_app()
    {
        var start = () => StreamHost.StartAsync(streams: s => s.Heartbeat = TimeSpan.FromSeconds(60));

        (await start.Should().ThrowAsync<Exception>()).Which.ToString().Should().Contain("HYB097");
    }

    [Fact]
    public async Task An_operations_own_heartbeat_is_checked_against_the_clients_timeout()
    {
        var start = () => StartWith(o => o.Expose<CountTo>(op => op.Streaming(s => s.HeartbeatSeconds = 50)));

        (await start.Should().ThrowAsync<Exception>()).Which.ToString().Should().Contain("HYB097").And.Contain(nameof(CountTo));
    }

    [Fact]
    public async Task A_stream_with_a_request_timeout_stops_the_app()
    {
        var start = () => StartWith(o => o.Expose<CountTo>(op => op.WithMetadata(new RequestTimeoutAttribute(1000))), requestTimeouts: true);

        (await start.Should().ThrowAsync<Exception>()).Which.ToString().Should().Contain("HYB098").And.Contain("a request timeout");
    }

    [Fact]
    public async Task Stream_settings_on_an_operation_that_does_not_stream_stop_the_app()
    {
        var start = () => StartWith(o => o.Expose<Ping>(op => op.Streaming(s => s.Resume = StreamResume.Replay)));

        (await start.Should().ThrowAsync<Exception>()).Which.ToString().Should().Contain("HYB099").And.Contain(nameof(Ping));
    }

    [Fact]
    public async Task The_inventory_names_a_streams_resume_and_limits()
    {
        await using var host = await StreamHost.StartAsync();
        var inventory = HybridExposure.Describe(host.App);

        inventory.Should().Contain("stream: Replay").And.Contain("stream: Log");
    }

    [Fact]
    public async Task Stream_settings_declared_in_code_act_and_show_as_the_attribute_does()
    {
        await using var host = await StartWith(o => o.Expose<CountTo>(op => op.Streaming(s => (s.Resume, s.RetentionSeconds) = (StreamResume.Replay, 60))));
        var store = host.Services.GetRequiredService<EndpointSettingsStore>();
        var inCode = store.Find(host.Services.GetRequiredService<OperationCatalog>().Operations.Single(o => o.RequestType == typeof(CountTo)), HybridDoors.Rest)!;
        var byAttribute = store.Find(host.Services.GetRequiredService<OperationCatalog>().Operations.Single(o => o.RequestType == typeof(Letters)), HybridDoors.Rest)!;

        inCode.Stream!.Resume.Should().Be(StreamResume.Replay);
        inCode.Stream.Retention.Should().Be(TimeSpan.FromSeconds(60));
        byAttribute.Stream!.Resume.Should().Be(StreamResume.Replay);
        HybridExposure.Describe(host.App).Should().Contain("stream: Replay retention=60s");
        using var response = await host.OpenAsync(StreamHost.Get("/count?count=2"));
        (await SseEvents.ReadAllAsync(response)).Select(e => e.EventId).Should().Equal("1", "2", null);
    }

    private static Task<TestHost> StartWith(Action<HybridOptions> configure, bool requestTimeouts = false) =>
        TestHost.StartOnKestrelAsync(
            [typeof(CountTo).Assembly],
            configure,
            services: s =>
            {
                s.AddSingleton<StreamProbe>();
                HeaderAuthenticationHandler.Register(s);
                if (requestTimeouts)
                {
                    s.AddRequestTimeouts();
                }
            },
            map: app =>
            {
                app.MapHybridActions();
                app.MapHybridRest();
            });
}
