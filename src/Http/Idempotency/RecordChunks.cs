namespace Hybrid.Http.Idempotency;

/// <summary>
/// Stored answers appended in order to large arrays. A chunk goes once nothing in it is live, and at
/// the store's limit the oldest go whole. <see cref="Bytes"/> is the heap their arrays hold (the list
/// and the few chunk objects, some bytes per megabyte, are left out).
/// </summary>
internal sealed class RecordChunks(long? sizeLimit)
{
    // 1 MiB: in the large object heap, which the collector neither copies nor scans for references; a
    // small limit gets chunks of a 64th of it, so that eviction frees a fraction, not all.
    private const int LargestChunk = 1 << 20;
    private const int SmallestChunk = 1 << 10;

    // A byte[] on a 64-bit runtime: object header, method table and length, then its data padded to 8 bytes.
    private const int ArrayHeader = 24;

    // At the limit a tenth of the chunks go at once, so a full store scans its keys once per tenth refilled.
    private const int EvictFraction = 10;

    private readonly int _chunkSize = sizeLimit is { } limit ? (int)Math.Clamp(limit / 64, SmallestChunk, LargestChunk) : LargestChunk;

    // Oldest first: the chunk with id n is at n - _first; null once freed.
    private readonly List<Chunk?> _chunks = [];
    private int _first;

    public long Bytes { get; private set; }

    public static long ArrayBytes(long length) => ArrayHeader + ((length + 7) & ~7L);

    /// <summary>Copies <paramref name="record"/> to the newest chunk, or a new one when it does not fit.</summary>
    public (int Chunk, int Offset) Append(byte[] record)
    {
        var newest = _chunks.Count > 0 ? _chunks[^1] : null;
        if (newest is null || newest.Data.Length - newest.Used < record.Length)
        {
            newest = new Chunk(new byte[Math.Max(_chunkSize, record.Length)]);
            _chunks.Add(newest);
            Bytes += ArrayBytes(newest.Data.Length);
            TrimFront();
        }

        var offset = newest.Used;
        record.CopyTo(newest.Data, offset);
        newest.Used += record.Length;
        newest.Live += record.Length;
        return (_first + _chunks.Count - 1, offset);
    }

    public IdempotencyRecord? Read(int chunk, int offset, int length) => IdempotencyRecord.FromBytes(_chunks[chunk - _first]!.Data, offset, length);

    /// <summary>A record in <paramref name="chunk"/> is gone; the chunk goes with its last one, or is written afresh when it is the newest.</summary>
    public void Release(int chunk, int length)
    {
        var index = chunk - _first;
        var held = _chunks[index]!;
        held.Live -= length;
        if (held.Live > 0)
        {
            return;
        }

        if (index < _chunks.Count - 1)
        {
            Free(index);
            TrimFront();
        }
        else
        {
            held.Used = 0;
        }
    }

    /// <summary>The id below which the oldest tenth of the chunks lies (at least one, never the newest); null when only the newest is left.</summary>
    public int? OldestToEvict() => _chunks.Count > 1 ? _first + Math.Max(1, (_chunks.Count - 1) / EvictFraction) : null;

    /// <summary>Frees every chunk below <paramref name="before"/>; the store has already forgotten the records in them.</summary>
    public void Evict(int before)
    {
        for (var index = 0; index < before - _first; index++)
        {
            Free(index);
        }

        TrimFront();
    }

    private void Free(int index)
    {
        if (_chunks[index] is { } chunk)
        {
            Bytes -= ArrayBytes(chunk.Data.Length);
            _chunks[index] = null;
        }
    }

    private void TrimFront()
    {
        var freed = 0;
        while (freed < _chunks.Count && _chunks[freed] is null)
        {
            freed++;
        }

        _chunks.RemoveRange(0, freed);
        _first += freed;
    }

    private sealed class Chunk(byte[] data)
    {
        public byte[] Data { get; } = data;

        public int Used { get; set; }

        public int Live { get; set; }
    }
}
