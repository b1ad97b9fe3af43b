using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// Logged streams on two instances sharing one Redis: a client cut on one resumes on the other with
/// every item once and in order, a finished stream answers 204 there, an expired one <c>reset</c>.
/// </summary>
[Trait("Category", "ScaleOut")]
public sealed class StreamScaleOutTests(StreamCluster cluster, ITestOutputHelper output) : IClassFixture<StreamCluster>
{
    [Fact]
    public async Task A_thousand_streams_cut_at_random_points_resume_on_the_other_instance_with_no_gap_and_no_duplicate()
    {
        cluster.A.Services.GetRequiredService<IStreamLog>().Should().BeOfType<RedisStreamLog>();
        var random = new Random(29);
        var plans = Enumerable.Range(0, 1000).Select(i =>
        {
            var count = random.Next(1, 30);
            return new Plan(i, count, Cut: random.Next(1, count + 1), DelayMs: i % 4 == 0 ? 0 : 1);
        }).ToArray();
        var (probeA, probeB) = (cluster.A.Services.GetRequiredService<ScaleProbe>(), cluster.B.Services.GetRequiredService<ScaleProbe>());
        var continuedBefore = probeA.ContinuedCount + probeB.ContinuedCount;
        var cancelledBefore = probeA.CancelledCount + probeB.CancelledCount;
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (plan, _) => await CutAndResumeAsync(plan));

        clock.Stop();
        var continued = probeA.ContinuedCount + probeB.ContinuedCount - continuedBefore;
        var cancelled = probeA.CancelledCount + probeB.CancelledCount - cancelledBefore;
        output.WriteLine($"1,000 streams cut and resumed in {clock.Elapsed.TotalSeconds:F1} s; {continued} handlers continued on the other instance, {cancelled} were cancelled by a cut");
        continued.Should().BePositive("some streams were cut while their handler was still counting, so the other instance ran it on");
        cancelled.Should().BePositive("a cut closes the connection, and the instance it left cancels its handler");
    }

    [Fact]
    public async Task A_position_the_log_no_longer_holds_gets_reset_on_the_other_instance()
    {
        var first = await StreamCalls.ReadAsync(cluster.ToA, StreamCalls.Action("ShortLivedCount", new { count = 3 }), cutAfterItems: 2);
        first.Items.Should().HaveCount(2);

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var late = await StreamCalls.ReadAsync(cluster.ToB, StreamCalls.Action("ShortLivedCount", new { count = 3 }), first.LastId);
        var unknown = await StreamCalls.ReadAsync(cluster.ToB, StreamCalls.Action("ScaleCount", new { count = 3 }), "AAAAAAAAAAAAAAAAAAAAAA.1");

        foreach (var answer in new[] { late, unknown })
        {
            answer.Status.Should().Be(HttpStatusCode.OK);
            answer.Events.Should().ContainSingle().Which.EventType.Should().Be("reset");
            JsonDocument.Parse(answer.Events[0].Data).RootElement.GetProperty("code").GetString().Should().Be("stream_reset");
        }
    }

    [Fact]
    public async Task A_stream_resumed_with_another_request_body_is_someone_elses_and_gets_reset()
    {
        var first = await StreamCalls.ReadAsync(cluster.ToA, StreamCalls.Action("ScaleCount", new { count = 3 }), cutAfterItems: 1);

        var other = await StreamCalls.ReadAsync(cluster.ToB, StreamCalls.Action("ScaleCount", new { count = 4 }), first.LastId);

        other.Events.Select(e => e.EventType).Should().Equal("reset");
    }

    private async Task CutAndResumeAsync(Plan plan)
    {
        var (first, second) = plan.Index / 2 % 2 == 0 ? (cluster.ToA, cluster.ToB) : (cluster.ToB, cluster.ToA);
        var cut = await StreamCalls.ReadAsync(first, plan.Request(), cutAfterItems: plan.Cut);
        cut.Status.Should().Be(HttpStatusCode.OK, plan.ToString());
        cut.Items.Should().HaveCount(plan.Cut, plan.ToString());

        var resumed = await StreamCalls.ReadAsync(second, plan.Request(), cut.LastId);
        resumed.Status.Should().Be(HttpStatusCode.OK, plan.ToString());
        resumed.Events[^1].EventType.Should().Be("done", plan.ToString());
        resumed.Events[^1].Data.Should().Be($"{{\"value\":{{\"total\":{plan.Count}}}}}", plan.ToString());

        var items = cut.Items.Concat(resumed.Items).Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("n").GetInt32());
        items.Should().Equal(Enumerable.Range(1, plan.Count), plan.ToString());
        var ids = cut.Events.Concat(resumed.Events).Select(e => e.EventId).ToList();
        var key = ids[0]![..22];
        ids.Should().Equal(Enumerable.Range(1, plan.Count + 1).Select(n => key + "." + n.ToString(CultureInfo.InvariantCulture)), plan.ToString());

        var after = await StreamCalls.ReadAsync(first, plan.Request(), resumed.LastId);
        after.Status.Should().Be(HttpStatusCode.NoContent, "the stream is over and the client had its end ({0})", plan);
    }

    /// <summary>One stream: its count, after how many items it is cut, and whether its handler pauses between items.</summary>
    private sealed record Plan(int Index, int Count, int Cut, int DelayMs)
    {
        /// <summary>The same request each time: even streams through the action door, odd ones through REST.</summary>
        public HttpRequestMessage Request() => Index % 2 == 0
            ? StreamCalls.Action("ScaleCount", new { count = Count, delayMs = DelayMs })
            : StreamCalls.Rest(string.Create(CultureInfo.InvariantCulture, $"/api/v1/scale-count?count={Count}&delayMs={DelayMs}"));
    }
}
