using System.Net;
using Hybrid.Testing;

namespace Hybrid.Security.Tests.Faults;

/// <summary>
/// Graceful shutdown on Kestrel: a request already running finishes and its write is stored; once
/// stopping has begun, a new connection is refused.
/// </summary>
public sealed class ShutdownTests
{
    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task In_flight_requests_finish_and_new_ones_are_refused(DoorCase door)
    {
        await using var host = await FaultHost.StartAsync();
        var marker = Guid.NewGuid().ToString("N");
        var address = host.Client.BaseAddress!;

        var inFlight = host.Client.SendAsync(host.Post(door, "SlowWrite", "slow-writes", new { marker, holdMilliseconds = 1_500 }));
        await host.Probe.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var stopping = host.Host.App.StopAsync();

        // A fresh client, so the new request cannot ride the in-flight request's connection.
        using var late = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        await FluentActions.Awaiting(async () =>
        {
            await Task.Delay(200);
            using var response = await late.GetAsync("/api/v1/anything");
        }).Should().ThrowAsync<HttpRequestException>();

        using var finished = await inFlight;
        finished.IsSuccessStatusCode.Should().BeTrue(await finished.Content.ReadAsStringAsync());
        await stopping;
        host.Probe.Cancelled.Task.IsCompleted.Should().BeFalse();
        host.Database.Count(marker).Should().Be(1);
        finished.StatusCode.Should().NotBe(HttpStatusCode.ServiceUnavailable);
    }
}
