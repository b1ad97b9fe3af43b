
namespace Hybrid;

/// <summary>
/// One append of a stream's in-memory log, kept as one block: the events' JSON in one array, where
/// each ends, and their kinds and cursors only when some differ from a plain item. A fast stream
/// leaves the collector a few objects per flushed batch, not two per item.
/// </summary>
internal sealed class LogChunk
{
    private readonly byte[] _json;
    private readonly int[] _ends;
    private readonly StreamEventKind[]? _kinds;
    private readonly string?[]? _cursors;

    public LogChunk(IReadOnlyList<StreamRecord> records)
    {
        First = records[0].Sequence;
        var length = 0;
        foreach (var record in records)
        {
            length += record.Json.Length;
        }

        _json = GC.AllocateUninitializedArray<byte>(length);
        _ends = new int[records.Count];
        var at = 0;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            record.Json.Span.CopyTo(_json.AsSpan(at));
            at += record.Json.Length;
            _ends[i] = at;
            if (record.Kind != StreamEventKind.Item)
            {
                (_kinds ??= new StreamEventKind[records.Count])[i] = record.Kind;
            }

            if (record.Cursor is not null)
            {
                (_cursors ??= new string?[records.Count])[i] = record.Cursor;
            }
        }
    }

    /// <summary>The first event's sequence; the others follow it one by one.</summary>
    public long First { get; }

    public int Count => _ends.Length;

    public long Last => First + Count - 1;

    /// <summary>What the chunk costs the log's budget: its JSON and a little per event.</summary>
    public long Bytes => _json.Length + (Count * 16L) + 96;

    /// <summary>Whether the chunk's last event ends the stream.</summary>
    public bool Ends => Kind(Count - 1) is StreamEventKind.Done or StreamEventKind.Error;

    public StreamEventKind Kind(int index) => _kinds?[index] ?? StreamEventKind.Item;

    /// <summary>The event at <paramref name="index"/> as a record (its JSON a slice of the chunk's array, never copied).</summary>
    public StreamRecord Record(int index)
    {
        var start = index == 0 ? 0 : _ends[index - 1];
        return new StreamRecord(First + index, Kind(index), _cursors?[index], _json.AsMemory(start, _ends[index] - start));
    }

    /// <summary>The last item's record in the chunk, or null when it holds none.</summary>
    public StreamRecord? LastItem()
    {
        for (var i = Count - 1; i >= 0; i--)
        {
            if (Kind(i) == StreamEventKind.Item)
            {
                return Record(i);
            }
        }

        return null;
    }

    /// <summary>The records of this chunk's events from <paramref name="sequence"/> on.</summary>
    public IEnumerable<StreamRecord> From(long sequence)
    {
        for (var i = (int)Math.Max(0, sequence - First); i < Count; i++)
        {
            yield return Record(i);
        }
    }
}
