using Hybrid.Testing;
using Microsoft.Extensions.Logging;

namespace Hybrid.Security.Tests.Faults;

/// <summary>
/// A client that goes away while its handler runs: the request's token cancels the handler, its
/// transaction rolls back, and nothing is logged as a failure (a disconnect is not the server's fault).
/// </summary>
public sealed class DisconnectTests
{
    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_client_that_disconnects_mid_handler_cancels_it_and_nothing_is_stored(DoorCase door)
    {
        await using var host = await FaultHost.StartAsync();
        var marker = Guid.NewGuid().ToString("N");
        using var leaving = new CancellationTokenSource();

        var sending = host.Client.SendAsync(host.Post(door, "SlowWrite", "slow-writes", new { marker, holdMilliseconds = 30_000 }), leaving.Token);
        await host.Probe.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await leaving.CancelAsync();

        await FluentActions.Awaiting(() => sending).Should().ThrowAsync<OperationCanceledException>();
        await host.Probe.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        host.Database.Count(marker).Should().Be(0);
        host.Log.Entries.Should().NotContain(e => e.Level >= LogLevel.Error);
    }
}
