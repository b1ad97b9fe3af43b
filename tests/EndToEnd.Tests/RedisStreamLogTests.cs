using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Hybrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// <see cref="RedisStreamLog"/> against a real redis-server, as two instances see it (two service
/// providers, two connections): what one appends the other reads, only for the same owner, within
/// the retention and the retained count, and never with a hole.
/// </summary>
[Trait("Category", "ScaleOut")]
public sealed class RedisStreamLogTests : IAsyncLifetime
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly RedisServer _redis = new();
    private readonly RecordedLog _log = new();

    public Task InitializeAsync() => _redis.InitializeAsync();

    public Task DisposeAsync() => _redis.DisposeAsync();

    [Fact]
    public async Task What_one_instance_appends_the_other_reads_after_any_position()
    {
        await using var one = Instance();
        await using var two = Instance();
        var key = StreamPosition.NewKey();
        await Log(one).AppendAsync(key, "me", [Item(1), Item(2)], Minute, 100, default);
        await Log(one).AppendAsync(key, "me", [Item(3)], Minute, 100, default);

        var all = await Log(two).ReadAfterAsync(key, "me", 0, default);
        var tail = await Log(two).ReadAfterAsync(key, "me", 2, default);
        var none = await Log(two).ReadAfterAsync(key, "me", 3, default);

        all!.Records.Select(r => r.Sequence).Should().Equal(1, 2, 3);
        Encoding.UTF8.GetString(all.Records[2].Json.Span).Should().Be("{\"n\":3}");
        all.Records[2].Position.Should().Be("c3");
        tail!.Records.Select(r => r.Sequence).Should().Equal(3);
        none!.Records.Should().BeEmpty();
        none.Should().BeEquivalentTo(new { Ended = false, LastSequence = 3L, LastPosition = "c3" });
    }

    [Fact]
    public async Task Another_owner_an_unknown_key_or_a_position_past_the_end_reads_nothing()
    {
        await using var one = Instance();
        var key = StreamPosition.NewKey();
        await Log(one).AppendAsync(key, "me", [Item(1), Item(2)], Minute, 100, default);

        (await Log(one).ReadAfterAsync(key, "someone else", 0, default)).Should().BeNull();
        (await Log(one).ReadAfterAsync(StreamPosition.NewKey(), "me", 0, default)).Should().BeNull();
        (await Log(one).ReadAfterAsync(key, "me", 3, default)).Should().BeNull();
        (await Log(one).ReadAfterAsync(key, "me", 1, default)).Should().NotBeNull();
    }

    [Fact]
    public async Task A_log_that_ends_with_done_or_error_is_ended_and_keeps_its_last_item_position()
    {
        await using var one = Instance();
        var done = StreamPosition.NewKey();
        var failed = StreamPosition.NewKey();
        await Log(one).AppendAsync(done, "me", [Item(1), Item(2), End(3, StreamEventKind.Done)], Minute, 100, default);
        await Log(one).AppendAsync(failed, "me", [Item(1), End(2, StreamEventKind.Error)], Minute, 100, default);

        var atEnd = await Log(one).ReadAfterAsync(done, "me", 3, default);
        var beforeEnd = await Log(one).ReadAfterAsync(done, "me", 2, default);
        var error = await Log(one).ReadAfterAsync(failed, "me", 0, default);

        atEnd.Should().BeEquivalentTo(new { Records = Array.Empty<StreamRecord>(), Ended = true, LastSequence = 3L, LastPosition = "c2" });
        beforeEnd!.Records.Select(r => r.Kind).Should().Equal(StreamEventKind.Done);
        beforeEnd.LastPosition.Should().Be("c2");
        error.Should().BeEquivalentTo(new { Ended = true, LastSequence = 2L, LastPosition = "c1" }, o => o.ExcludingMissingMembers());
        error!.Records.Select(r => r.Kind).Should().Equal(StreamEventKind.Item, StreamEventKind.Error);
    }

    [Fact]
    public async Task Only_the_retained_count_is_kept_and_a_position_before_it_reads_nothing()
    {
        await using var one = Instance();
        var key = StreamPosition.NewKey();
        await Log(one).AppendAsync(key, "me", [Item(1), Item(2), Item(3)], Minute, 3, default);
        await Log(one).AppendAsync(key, "me", [Item(4), Item(5)], Minute, 3, default);

        (await Log(one).ReadAfterAsync(key, "me", 1, default)).Should().BeNull();
        (await Log(one).ReadAfterAsync(key, "me", 2, default))!.Records.Select(r => r.Sequence).Should().Equal(3, 4, 5);
    }

    [Fact]
    public async Task A_log_expires_its_retention_after_the_last_append_not_the_first()
    {
        await using var one = Instance();
        var retention = TimeSpan.FromSeconds(2);
        var key = StreamPosition.NewKey();
        var alone = StreamPosition.NewKey();
        await Log(one).AppendAsync(key, "me", [Item(1)], retention, 100, default);
        await Log(one).AppendAsync(alone, "me", [Item(1)], retention, 100, default);
        await Task.Delay(1200);
        await Log(one).AppendAsync(key, "me", [Item(2)], retention, 100, default);
        await Task.Delay(1200);

        (await Log(one).ReadAfterAsync(key, "me", 0, default))!.Records.Should().HaveCount(2);
        (await Log(one).ReadAfterAsync(alone, "me", 0, default)).Should().BeNull();
        await Task.Delay(2100);
        (await Log(one).ReadAfterAsync(key, "me", 0, default)).Should().BeNull();
    }

    [Fact]
    public async Task Records_it_holds_already_are_skipped_and_a_lost_append_is_a_hole_no_read_crosses()
    {
        await using var one = Instance();
        await using var two = Instance();
        var key = StreamPosition.NewKey();
        await Log(one).AppendAsync(key, "me", [Item(1), Item(2), Item(3)], Minute, 100, default);

        // The connection a client left appends 3 again, from its own handler, after another took over.
        await Log(two).AppendAsync(key, "me", [Item(3, "{\"n\":33}"), Item(4)], Minute, 100, default);
        var kept = await Log(one).ReadAfterAsync(key, "me", 2, default);

        // 5 is lost (Redis was unreachable), 6 is not.
        await Log(one).AppendAsync(key, "me", [Item(6)], Minute, 100, default);

        kept!.Records.Select(r => Encoding.UTF8.GetString(r.Json.Span)).Should().Equal("{\"n\":3}", "{\"n\":4}");
        (await Log(two).ReadAfterAsync(key, "me", 2, default)).Should().BeNull();
        (await Log(two).ReadAfterAsync(key, "me", 4, default)).Should().BeNull("5 was never logged");
        (await Log(two).ReadAfterAsync(key, "me", 5, default))!.Records.Select(r => r.Sequence).Should().Equal(6);
    }

    [Fact]
    public async Task With_Redis_down_an_append_is_counted_and_logged_not_thrown_and_a_read_finds_nothing()
    {
        await using var one = Instance();
        var key = StreamPosition.NewKey();
        await Log(one).AppendAsync(key, "me", [Item(1)], Minute, 100, default);
        var failures = new ConcurrentQueue<string>();
        using var listener = FailureListener(one, failures);

        await _redis.StopAsync();
        var clock = Stopwatch.StartNew();
        for (var n = 2; n <= 5; n++)
        {
            await Log(one).AppendAsync(key, "me", [Item(n)], Minute, 100, default);
        }

        var read = await Log(one).ReadAfterAsync(key, "me", 0, default);
        clock.Stop();

        read.Should().BeNull();
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(11), "an outage costs a call at most the 2 s timeout");
        failures.Should().Equal("stream.append", "stream.append", "stream.append", "stream.append", "stream.read");
        _log.Entries.Where(e => e.EventId == 62).Should().ContainSingle("the warning is logged once per 10 s, however many appends fail")
            .Which.Message.Should().Contain("stream.append");
    }

    private static MeterListener FailureListener(IServiceProvider services, ConcurrentQueue<string> failures)
    {
        var meters = services.GetRequiredService<IMeterFactory>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument is { Name: HybridRedisTelemetry.FailuresInstrument } && ReferenceEquals(instrument.Meter.Scope, meters))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == HybridRedisTelemetry.OperationTag)
                {
                    failures.Enqueue((string)tag.Value!);
                }
            }
        });
        listener.Start();
        return listener;
    }

    private static StreamRecord Item(long sequence, string? json = null) =>
        new(sequence, StreamEventKind.Item, "c" + sequence, Encoding.UTF8.GetBytes(json ?? $"{{\"n\":{sequence}}}"));

    private static StreamRecord End(long sequence, StreamEventKind kind) => new(sequence, kind, "ignored", "{}"u8.ToArray());

    private static IStreamLog Log(IServiceProvider services) => services.GetRequiredService<IStreamLog>();

    private ServiceProvider Instance()
    {
        var services = new ServiceCollection();
        _log.AddTo(services);
        services.AddHybridRedis(_redis.ConnectionString, "StreamLogTests");
        return services.BuildServiceProvider();
    }
}
