using Microsoft.Extensions.DependencyInjection;
using System.Net;

namespace Hybrid.Streaming.Tests;

public sealed class ResumeTests
{
    [Fact]
    public async Task A_cut_stream_resumes_from_its_last_event_id_with_no_gap_and_no_duplicate()
    {
        await using var host = await StreamHost.StartAsync();
        string lastId;
        using (var first = await host.OpenAsync(StreamHost.Action("Count", new { count = 10, delayMs = 5 })))
        {
            var items = await SseEvents.ReadItemsAsync(first, 3);
            items.Select(e => e.N()).Should().Equal(1, 2, 3);
            lastId = items[^1].EventId!;
        }

        using var resumed = await host.OpenAsync(StreamHost.Action("Count", new { count = 10, delayMs = 5 }, lastEventId: lastId));
        var rest = await SseEvents.ReadAllAsync(resumed);
        rest.Where(e => e.EventType == "message").Select(e => e.N()).Should().Equal(4, 5, 6, 7, 8, 9, 10);
        rest[^1].EventType.Should().Be("done");
        rest.Select(e => e.EventId).Should().AllSatisfy(id => id.Should().StartWith(lastId[..22]));
    }

    [Fact]
    public async Task A_reconnect_to_a_finished_stream_answers_204_and_one_before_its_end_gets_the_end_from_the_log()
    {
        await using var host = await StreamHost.StartAsync();
        using var whole = await host.OpenAsync(StreamHost.Get("/count?count=3"));
        var events = await SseEvents.ReadAllAsync(whole);

        using var afterDone = await host.OpenAsync(StreamHost.Get("/count?count=3", lastEventId: events[^1].EventId));
        afterDone.StatusCode.Should().Be(HttpStatusCode.NoContent);

        var startsBefore = host.Probe().Starts.Count;
        using var beforeDone = await host.OpenAsync(StreamHost.Get("/count?count=3", lastEventId: events[1].EventId));
        var rest = await SseEvents.ReadAllAsync(beforeDone);
        rest.Select(e => e.EventType).Should().Equal("message", "done");
        rest[0].N().Should().Be(3);
        host.Probe().Starts.Count.Should().Be(startsBefore, "a finished stream is answered from its log, without running the handler again");
    }

    [Theory]
    [InlineData("unknownunknownunknown0.4")]
    [InlineData("garbage\u00e9")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA.1")]
    public async Task An_id_the_log_does_not_hold_gets_a_typed_reset(string lastEventId)
    {
        await using var host = await StreamHost.StartAsync();
        using var response = await host.OpenAsync(StreamHost.Get("/count?count=3", lastEventId: Uri.EscapeDataString(lastEventId)));

        var events = await SseEvents.ReadAllAsync(response);
        events.Should().ContainSingle().Which.EventType.Should().Be("reset");
        events[0].Code().Should().Be(ProblemCodes.StreamReset);
        host.Probe().Starts.Should().BeEmpty();
    }

    [Fact]
    public async Task An_id_older_than_the_retention_window_gets_a_reset()
    {
        await using var host = await StreamHost.StartAsync(streams: s => s.Retention = TimeSpan.FromSeconds(1));
        using var first = await host.OpenAsync(StreamHost.Get("/count?count=3"));
        var events = await SseEvents.ReadAllAsync(first);
        await Task.Delay(1500);

        using var late = await host.OpenAsync(StreamHost.Get("/count?count=3", lastEventId: events[0].EventId));
        (await SseEvents.ReadAllAsync(late)).Single().EventType.Should().Be("reset");
    }

    [Fact]
    public async Task A_log_is_only_resumed_by_its_own_caller_and_request()
    {
        await using var host = await StreamHost.StartAsync();
        using var first = await host.OpenAsync(StreamHost.Get("/count?count=3", user: "ada"));
        var id = (await SseEvents.ReadAllAsync(first))[0].EventId;

        using var otherUser = await host.OpenAsync(StreamHost.Get("/count?count=3", lastEventId: id, user: "mallory"));
        (await SseEvents.ReadAllAsync(otherUser)).Single().EventType.Should().Be("reset");

        using var otherRequest = await host.OpenAsync(StreamHost.Get("/count?count=4", lastEventId: id, user: "ada"));
        (await SseEvents.ReadAllAsync(otherRequest)).Single().EventType.Should().Be("reset");
    }

    [Fact]
    public async Task A_replayed_stream_hands_the_last_cursor_to_the_handler_and_answers_204_when_nothing_follows()
    {
        await using var host = await StreamHost.StartAsync();
        string lastId;
        using (var first = await host.OpenAsync(StreamHost.Action("Letters", new { upto = "e" })))
        {
            var items = await SseEvents.ReadItemsAsync(first, 2);
            items.Select(e => e.EventId).Should().Equal("at-a", "at-b");
            lastId = items[^1].EventId!;
        }

        using var resumed = await host.OpenAsync(StreamHost.Action("Letters", new { upto = "e" }, lastEventId: lastId));
        var rest = await SseEvents.ReadAllAsync(resumed);
        rest.Select(e => e.EventId ?? e.EventType).Should().Equal("at-c", "at-d", "at-e", "done");
        rest[^1].EventType.Should().Be("done");
        host.Probe().Starts.Should().Equal(null, "at-b");

        using var after = await host.OpenAsync(StreamHost.Action("Letters", new { upto = "e" }, lastEventId: "at-e"));
        after.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_thousand_connections_cut_at_random_points_and_resumed_receive_exactly_what_was_sent()
    {
        await using var host = await StreamHost.StartAsync();
        const int Items = 12;
        var random = new Random(29);
        var cuts = Enumerable.Range(0, 1000).Select(_ => random.Next(0, Items + 1)).ToArray();
        var mismatches = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, 1000), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
        {
            var received = new List<int>();
            string? lastId = null;
            using (var first = await host.OpenAsync(StreamHost.Get($"/count?count={Items}&size={i % 7}"), token))
            {
                foreach (var item in await SseEvents.ReadItemsAsync(first, cuts[i], token))
                {
                    received.Add(item.N());
                    lastId = item.EventId;
                }
            }

            var ended = false;
            while (!ended)
            {
                using var resumed = await host.OpenAsync(StreamHost.Get($"/count?count={Items}&size={i % 7}", lastEventId: lastId), token);
                if (resumed.StatusCode == HttpStatusCode.NoContent)
                {
                    break;
                }

                foreach (var item in await SseEvents.ReadAllAsync(resumed, token))
                {
                    if (item.EventType == "message")
                    {
                        received.Add(item.N());
                    }

                    lastId = item.EventId ?? lastId;
                    ended |= item.EventType == "done";
                }
            }

            if (!received.SequenceEqual(Enumerable.Range(1, Items)))
            {
                Interlocked.Increment(ref mismatches);
            }
        });

        mismatches.Should().Be(0);
    }

    [Fact]
    public async Task Over_its_memory_budget_the_log_drops_the_streams_written_longest_ago()
    {
        await using var host = await StreamHost.StartAsync(streams: s => s.MemoryLogBytes = 200_000);
        using var old = await host.OpenAsync(StreamHost.Get("/count?count=3"));
        var oldId = (await SseEvents.ReadAllAsync(old))[0].EventId;
        for (var i = 0; i < 4; i++)
        {
            using var big = await host.OpenAsync(StreamHost.Get($"/count?count=20&size=4000&delayMs={i}"));
            await SseEvents.ReadAllAsync(big);
        }

        var log = (MemoryStreamLog)host.Services.GetRequiredService<IStreamLog>();
        log.Bytes.Should().BeLessThanOrEqualTo(200_000 + 25 * 4200);
        using var late = await host.OpenAsync(StreamHost.Get("/count?count=3", lastEventId: oldId));
        (await SseEvents.ReadAllAsync(late)).Single().EventType.Should().Be("reset");
    }
}
