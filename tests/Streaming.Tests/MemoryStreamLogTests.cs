using System.Text;
using Microsoft.Extensions.Options;

namespace Hybrid.Streaming.Tests;

public sealed class MemoryStreamLogTests
{
    private static readonly TimeSpan Retention = TimeSpan.FromMinutes(5);

    private static MemoryStreamLog Log() => new(TimeProvider.System, Options.Create(new HybridOptions()));

    private static StreamRecord Item(long sequence, string? cursor = null) => new(sequence, StreamEventKind.Item, cursor, Encoding.UTF8.GetBytes("{\"n\":" + sequence + "}"));

    [Fact]
    public async Task Batches_read_back_after_any_position_with_the_end_and_the_last_items_position()
    {
        var log = Log();
        await log.AppendAsync("k", "o", [Item(1), Item(2, "c-2")], Retention, 100, default);
        await log.AppendAsync("k", "o", [Item(3), new StreamRecord(4, StreamEventKind.Done, null, "{}"u8.ToArray())], Retention, 100, default);

        var read = (await log.ReadAfterAsync("k", "o", 1, default))!;
        read.Records.Select(r => (r.Sequence, r.Kind, Encoding.UTF8.GetString(r.Json.Span))).Should().Equal(
            (2L, StreamEventKind.Item, "{\"n\":2}"), (3L, StreamEventKind.Item, "{\"n\":3}"), (4L, StreamEventKind.Done, "{}"));
        read.Records[0].Position.Should().Be("c-2");
        (read.Ended, read.LastSequence, read.LastPosition).Should().Be((true, 4L, "3"));
        (await log.ReadAfterAsync("k", "o", 4, default))!.Records.Should().BeEmpty();
        (await log.ReadAfterAsync("k", "o", 5, default)).Should().BeNull();
        (await log.ReadAfterAsync("k", "other", 1, default)).Should().BeNull();
    }

    [Fact]
    public async Task The_first_writer_of_a_sequence_wins()
    {
        var log = Log();
        await log.AppendAsync("k", "o", [Item(1), Item(2)], Retention, 100, default);
        await log.AppendAsync("k", "o", [Item(2, "late"), Item(3)], Retention, 100, default);

        var read = (await log.ReadAfterAsync("k", "o", 0, default))!;
        read.Records.Select(r => r.Sequence).Should().Equal(1, 2, 3);
        read.Records[1].Cursor.Should().BeNull("the second writer's copy of 2 was not taken");
    }

    [Fact]
    public async Task Beyond_its_retained_events_a_log_drops_its_oldest_blocks_and_a_position_before_them_is_gone()
    {
        var log = Log();
        await log.AppendAsync("k", "o", [Item(1), Item(2)], Retention, 4, default);
        await log.AppendAsync("k", "o", [Item(3), Item(4)], Retention, 4, default);
        await log.AppendAsync("k", "o", [Item(5)], Retention, 4, default);

        (await log.ReadAfterAsync("k", "o", 1, default)).Should().BeNull();
        (await log.ReadAfterAsync("k", "o", 2, default))!.Records.Select(r => r.Sequence).Should().Equal(3, 4, 5);
    }
}
