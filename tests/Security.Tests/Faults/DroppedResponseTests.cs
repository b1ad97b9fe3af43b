using System.Net;
using Hybrid.Testing;
using Microsoft.Extensions.Logging;

namespace Hybrid.Security.Tests.Faults;

/// <summary>
/// The retry a lost response makes: the write committed, the client left before the answer arrived
/// and sends the same <c>Idempotency-Key</c> again. It must get the stored answer, not a second write.
/// </summary>
public sealed class DroppedResponseTests
{
    [Fact]
    public async Task A_retry_after_a_response_lost_past_the_commit_is_replayed_not_written_twice()
    {
        await using var host = await FaultHost.StartAsync();
        var marker = Guid.NewGuid().ToString("N");
        var key = Guid.NewGuid().ToString("N");
        using var leaving = new CancellationTokenSource();

        using var first = Request(host, marker, key, holdMilliseconds: 500);
        var sending = host.Client.SendAsync(first, leaving.Token);
        await host.Probe.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await leaving.CancelAsync();
        await FluentActions.Awaiting(() => sending).Should().ThrowAsync<OperationCanceledException>();

        // The first request is still answering its gone client; the retry waits until it is stored.
        HttpResponseMessage retry;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            retry = await host.Client.SendAsync(Request(host, marker, key, holdMilliseconds: 500));
            if (retry.StatusCode != HttpStatusCode.Conflict || DateTime.UtcNow > deadline)
            {
                break;
            }

            retry.Dispose();
            await Task.Delay(100);
        }

        using (retry)
        {
            retry.IsSuccessStatusCode.Should().BeTrue(await retry.Content.ReadAsStringAsync());
            retry.Headers.Contains("Idempotent-Replayed").Should().BeTrue();
        }

        host.Probe.Runs.Should().Be(1);
        host.Database.Count(marker).Should().Be(1);
        host.Log.Entries.Should().NotContain(e => e.Level >= LogLevel.Error);
    }

    private static HttpRequestMessage Request(FaultHost host, string marker, string key, int holdMilliseconds)
    {
        var message = host.Post(DoorCases.Rest, "CommittedWrite", "committed-writes", new { marker, holdMilliseconds });
        message.Headers.Add("Idempotency-Key", key);
        return message;
    }
}
