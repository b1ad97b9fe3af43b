using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Hybrid;

/// <summary>
/// The stream log of one instance: each stream's appends as blocks (<see cref="LogChunk"/>) under its own lock, dropped once
/// its retention passes (swept at most every few seconds, by whichever append comes), and within a
/// budget of bytes for all of them (<see cref="HybridStreamOptions.MemoryLogBytes"/>): over it, the
/// logs written to longest ago go first, and a reconnect into one of them gets <c>reset</c>. A
/// reconnect that reaches another instance finds nothing and gets <c>reset</c>; <c>AddHybridRedis</c>
/// replaces this with Redis Streams.
/// </summary>
internal sealed class MemoryStreamLog(TimeProvider time, IOptions<HybridOptions> options) : IStreamLog
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, Entry> _logs = new(StringComparer.Ordinal);
    private readonly long _budget = options.Value.Streams.MemoryLogBytes;
    private readonly Lock _evicting = new();
    private long _bytes;
    private long _nextSweep;

    /// <summary>The logs held now, for tests and the memory benchmark.</summary>
    public int Count => _logs.Count;

    /// <summary>What the logs held now cost, as the budget counts it.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public ValueTask AppendAsync(string key, string owner, IReadOnlyList<StreamRecord> records, TimeSpan retention, int retained, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcTicks;
        Sweep(now);
        var entry = _logs.GetOrAdd(key, static (_, o) => new Entry(o), owner);
        long added = 0;
        lock (entry)
        {
            // The first writer of a sequence wins: after a cut, the connection the client left can append
            // its last batch after the one that resumed began.
            var accepted = Following(records, entry.Chunks.Count == 0 ? 0 : entry.Chunks[^1].Last);
            if (accepted.Count > 0)
            {
                var chunk = new LogChunk(accepted);
                entry.Chunks.Add(chunk);
                entry.Count += chunk.Count;
                added += chunk.Bytes;
            }

            // At most `retained` events: the oldest blocks go whole.
            while (entry.Count > retained && entry.Chunks.Count > 0)
            {
                var oldest = entry.Chunks[0];
                entry.Chunks.RemoveAt(0);
                entry.Count -= oldest.Count;
                added -= oldest.Bytes;
            }

            entry.Bytes += added;
            entry.ExpiresAt = now + retention.Ticks;
        }

        if (Interlocked.Add(ref _bytes, added) > _budget)
        {
            Evict();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<StreamLogRead?> ReadAfterAsync(string key, string owner, long afterSequence, CancellationToken cancellationToken)
    {
        if (!_logs.TryGetValue(key, out var entry) || !string.Equals(entry.Owner, owner, StringComparison.Ordinal))
        {
            return ValueTask.FromResult<StreamLogRead?>(null);
        }

        lock (entry)
        {
            var chunks = entry.Chunks;
            if (entry.Removed || entry.ExpiresAt < time.GetUtcNow().UtcTicks || chunks.Count == 0 || afterSequence < chunks[0].First - 1 || afterSequence > chunks[^1].Last)
            {
                return ValueTask.FromResult<StreamLogRead?>(null);
            }

            var records = new List<StreamRecord>();
            StreamRecord? lastItem = null;
            for (var i = chunks.Count - 1; i >= 0 && lastItem is null; i--)
            {
                lastItem = chunks[i].LastItem();
            }

            foreach (var chunk in chunks)
            {
                if (chunk.Last > afterSequence)
                {
                    records.AddRange(chunk.From(afterSequence + 1));
                }
            }

            return ValueTask.FromResult<StreamLogRead?>(new StreamLogRead(records, chunks[^1].Ends, chunks[^1].Last, lastItem?.Position));
        }
    }

    /// <summary>The records that follow <paramref name="last"/> one by one: all of them, unless another writer got there first.</summary>
    private static IReadOnlyList<StreamRecord> Following(IReadOnlyList<StreamRecord> records, long last)
    {
        var all = true;
        for (var i = 0; i < records.Count && all; i++)
        {
            all = records[i].Sequence == last + 1 + i;
        }

        if (all)
        {
            return records;
        }

        var following = new List<StreamRecord>();
        foreach (var record in records)
        {
            if (record.Sequence == last + 1)
            {
                following.Add(record);
                last = record.Sequence;
            }
        }

        return following;
    }

    private void Sweep(long now)
    {
        var due = Interlocked.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + SweepEvery.Ticks, due) != due)
        {
            return;
        }

        foreach (var (key, entry) in _logs)
        {
            if (Volatile.Read(ref entry.ExpiresAt) < now)
            {
                Remove(key, entry);
            }
        }
    }

    /// <summary>Over the budget: the logs appended to longest ago go, down to nine tenths of it, so the next appends do not evict again at once.</summary>
    private void Evict()
    {
        if (!_evicting.TryEnter())
        {
            return;
        }

        try
        {
            var target = _budget / 10 * 9;
            foreach (var (key, entry) in _logs.OrderBy(l => Volatile.Read(ref l.Value.ExpiresAt)).ToList())
            {
                if (Interlocked.Read(ref _bytes) <= target)
                {
                    return;
                }

                Remove(key, entry);
            }
        }
        finally
        {
            _evicting.Exit();
        }
    }

    private void Remove(string key, Entry entry)
    {
        if (!_logs.TryRemove(new KeyValuePair<string, Entry>(key, entry)))
        {
            return;
        }

        lock (entry)
        {
            entry.Removed = true;
            Interlocked.Add(ref _bytes, -entry.Bytes);
            entry.Bytes = 0;
        }
    }

    private sealed class Entry(string owner)
    {
        public readonly List<LogChunk> Chunks = [];
        public long Count;
        public long ExpiresAt;
        public long Bytes;
        public bool Removed;

        public string Owner { get; } = owner;
    }
}
