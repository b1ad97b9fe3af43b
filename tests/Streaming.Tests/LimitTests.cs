using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Streaming.Tests;

public sealed class LimitTests
{
    [Fact]
    public async Task A_client_that_leaves_cancels_the_handler_and_its_finally_runs_within_a_second()
    {
        await using var host = await StreamHost.StartAsync();
        var response = await host.OpenAsync(StreamHost.Action("Idle", new { first = 1 }));
        (await SseEvents.ReadItemsAsync(response, 1)).Should().ContainSingle();

        var left = Stopwatch.StartNew();
        response.Dispose();
        var cancelled = await host.Probe().Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        left.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
        cancelled.Should().BeOnOrBefore(DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_slow_consumer_is_closed_with_slow_consumer_and_the_handler_stops_at_the_bound()
    {
        await using var host = await StreamHost.StartAsync(streams: s =>
        {
            s.BufferSize = 4;
            s.SlowConsumerTimeout = TimeSpan.FromMilliseconds(500);
        });
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var response = await host.OpenAsync(StreamHost.Get("/count?count=1000000&size=4000"));

        // Nothing is read: the socket fills, then the buffer; the handler waits at the bound, then the stream is closed.
        await host.Probe().Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var produced = host.Probe().ProducedCount;
        produced.Should().BeLessThan(20_000, "the handler waits at the bound instead of filling memory");
        GC.GetTotalMemory(forceFullCollection: true).Should().BeLessThan(before + (64L << 20));

        var text = await response.Content.ReadAsStringAsync().WaitAsync(TimeSpan.FromSeconds(20)).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : string.Empty);
        if (text.Length > 0)
        {
            text.Should().Contain("slow_consumer");
        }
    }

    [Fact]
    public async Task A_stream_at_its_maximum_duration_ends_with_a_resumable_close()
    {
        await using var host = await StreamHost.StartAsync(streams: s => s.MaxDuration = TimeSpan.FromSeconds(1));
        using var response = await host.OpenAsync(StreamHost.Get("/idle"));

        var events = await SseEvents.ReadAllAsync(response).WaitAsync(TimeSpan.FromSeconds(10));
        events.Select(e => e.EventType).Should().Equal("message", "reconnect");
        JsonDocument.Parse(events[^1].Data).RootElement.GetProperty("reason").GetString().Should().Be("max_duration");
    }

    [Fact]
    public async Task An_idle_stream_sends_heartbeats_and_its_headers_before_any_item()
    {
        await using var host = await StreamHost.StartAsync();
        var opened = Stopwatch.StartNew();
        using var response = await host.OpenAsync(StreamHost.Get("/idle?first=0"));
        opened.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "headers go out after 250 ms without an item");
        response.StatusCode.Should().Be(HttpStatusCode.OK);

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var heartbeat = await Task.Run(async () =>
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                if (line.StartsWith(':'))
                {
                    return line;
                }
            }

            return null;
        }).WaitAsync(TimeSpan.FromSeconds(10));
        heartbeat.Should().Be(": heartbeat");
    }

    [Fact]
    public async Task A_caller_over_its_open_streams_gets_429_too_many_streams()
    {
        await using var host = await StreamHost.StartAsync(streams: s => s.MaxOpenPerUser = 1);
        using var first = await host.OpenAsync(StreamHost.Get("/idle"));
        first.StatusCode.Should().Be(HttpStatusCode.OK);

        using var second = await host.OpenAsync(StreamHost.Get("/idle"));
        await second.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, ProblemCodes.TooManyStreams);

        using var otherUser = await host.OpenAsync(StreamHost.Get("/idle", user: "grace"));
        otherUser.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_app_over_its_open_streams_gets_429_too_many_streams()
    {
        await using var host = await StreamHost.StartAsync(streams: s => s.MaxOpenPerApp = 1);
        using var first = await host.OpenAsync(StreamHost.Get("/idle"));
        using var second = await host.OpenAsync(StreamHost.Get("/idle", user: "grace"));
        await second.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, ProblemCodes.TooManyStreams);
    }

    [Fact]
    public async Task Graceful_shutdown_ends_open_streams_with_a_resumable_close()
    {
        var host = await StreamHost.StartAsync();
        using var response = await host.OpenAsync(StreamHost.Get("/idle"));
        (await SseEvents.ReadItemsAsync(response, 1)).Should().ContainSingle();
        var rest = SseEvents.ReadAllAsync(response);

        var stopping = Stopwatch.StartNew();
        await host.App.StopAsync();
        var events = await rest.WaitAsync(TimeSpan.FromSeconds(10));
        stopping.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        events.Select(e => e.EventType).Should().Equal("reconnect");
        JsonDocument.Parse(events[0].Data).RootElement.GetProperty("reason").GetString().Should().Be("shutdown");
        await host.DisposeAsync();
    }

    [Fact]
    public async Task An_expired_credential_closes_the_stream_with_auth_expired()
    {
        await using var host = await StreamHost.StartAsync();
        var request = StreamHost.Get("/idle");
        request.Headers.Add(HeaderAuthenticationHandler.ExpiresHeader, DateTimeOffset.UtcNow.AddSeconds(2).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await host.OpenAsync(request);

        var events = await SseEvents.ReadAllAsync(response).WaitAsync(TimeSpan.FromSeconds(10));
        events.Select(e => e.EventType).Should().Equal("message", "auth_expired");
        events[^1].Code().Should().Be(ProblemCodes.AuthExpired);
        host.Probe().Cancelled.Task.IsCompleted.Should().BeTrue();
    }

    [Fact]
    public async Task The_apps_default_request_timeout_does_not_cut_a_stream()
    {
        await using var host = await StreamHost.StartAsync(
            services: s => s.AddRequestTimeouts(o => o.DefaultPolicy = new Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutPolicy { Timeout = TimeSpan.FromMilliseconds(500) }),
            before: app => app.UseRequestTimeouts());
        using var response = await host.OpenAsync(StreamHost.Get("/idle?pauseMs=1500"));

        var events = await SseEvents.ReadAllAsync(response).WaitAsync(TimeSpan.FromSeconds(10));
        events.Select(e => e.EventType).Should().Equal("message", "message", "done");
    }
}
