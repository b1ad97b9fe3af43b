using System.Diagnostics;
using System.Net;
using Hybrid.Testing;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// A Redis outage under logged streams: a stream goes on to its end without its log, the outage is
/// logged, a reconnect that cannot read the log gets <c>reset</c>, and resuming works again once
/// Redis is back.
/// </summary>
[Trait("Category", "ScaleOut")]
public sealed class StreamOutageTests : IAsyncLifetime
{
    private readonly RedisServer _redis = new();
    private readonly RecordedLog _log = new();
    private TestHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        await _redis.InitializeAsync();
        _host = await StreamCluster.StartAsync(_redis.ConnectionString, _log);
        _client = StreamCluster.CuttingClient(_host);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task With_Redis_down_a_stream_runs_to_done_unresumable_and_resumes_again_once_Redis_is_back()
    {
        var before = await StreamCalls.ReadAsync(_client, Count(), cutAfterItems: 2);

        await _redis.StopAsync();
        var clock = Stopwatch.StartNew();
        var during = await StreamCalls.ReadAsync(_client, Count());
        clock.Stop();
        var resumedDuring = await StreamCalls.ReadAsync(_client, Count(), before.LastId);

        during.Status.Should().Be(HttpStatusCode.OK);
        during.Events.Select(e => e.EventType).Should().Equal("message", "message", "message", "message", "message", "done");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "a failed append costs a batch milliseconds (commands fail fast while disconnected), never a hang");
        resumedDuring.Events.Select(e => e.EventType).Should().Equal("reset");
        _log.Entries.Should().Contain(e => e.EventId == 62 && e.Message.Contains("stream.append", StringComparison.Ordinal));

        await _redis.StartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        StreamAnswer resumed;
        do
        {
            await Task.Delay(200);
            var cut = await StreamCalls.ReadAsync(_client, Count(), cutAfterItems: 3);
            resumed = await StreamCalls.ReadAsync(_client, Count(), cut.LastId);
        }
        while (resumed.Events.Any(e => e.EventType == "reset") && DateTime.UtcNow < deadline);

        resumed.Events.Select(e => e.EventType).Should().Equal("message", "message", "done");
    }

    private static HttpRequestMessage Count() => StreamCalls.Action("ScaleCount", new { count = 5 });
}
