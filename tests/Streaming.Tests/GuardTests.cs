using System.Net;
using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Streaming.Tests;

/// <summary>The guards every operation has run before a stream's first byte, and again on every reconnect.</summary>
public sealed class GuardTests
{
    [Fact]
    public async Task A_cross_site_stream_action_is_refused_before_the_handler_runs()
    {
        await using var host = await StreamHost.StartAsync();
        var request = StreamHost.Action("Count", new { count = 3 });
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        request.Headers.Add("Origin", "https://evil.example");
        using var response = await host.OpenAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, ProblemCodes.CrossSiteRequest);
        host.Probe().Starts.Should().BeEmpty();
    }

    [Fact]
    public async Task A_rate_limited_stream_is_refused_with_429_before_the_handler_runs()
    {
        await using var host = await TestHost.StartOnKestrelAsync(
            [typeof(CountTo).Assembly],
            configure: o => o.Expose<CountTo>(op => op.RequireRateLimiting("one")),
            services: s =>
            {
                s.AddSingleton<StreamProbe>();
                HeaderAuthenticationHandler.Register(s);
                s.AddRateLimiter(r => r.AddFixedWindowLimiter("one", w => (w.PermitLimit, w.Window, w.QueueLimit) = (1, TimeSpan.FromMinutes(1), 0)));
            },
            map: app =>
            {
                app.UseRateLimiter();
                app.MapHybridActions();
                app.MapHybridRest();
            });
        using var first = await host.OpenAsync(StreamHost.Get("/count?count=2"));
        (await SseEvents.ReadAllAsync(first))[^1].EventType.Should().Be("done");

        using var second = await host.OpenAsync(StreamHost.Get("/count?count=2"));
        await second.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, ProblemCodes.RateLimited);
        host.Probe().Starts.Should().ContainSingle();
    }

    [Fact]
    public async Task A_reconnect_runs_authentication_and_the_policy_again()
    {
        await using var host = await StreamHost.StartAsync();
        string lastId;
        using (var first = await host.OpenAsync(StreamHost.Action("Idle", new { first = 2 })))
        {
            lastId = (await SseEvents.ReadItemsAsync(first, 2))[^1].EventId!;
        }

        using var anonymous = await host.OpenAsync(StreamHost.Action("Idle", new { first = 2 }, lastEventId: lastId, user: null));
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        using var signedIn = await host.OpenAsync(StreamHost.Action("Idle", new { first = 2 }, lastEventId: lastId));
        signedIn.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
