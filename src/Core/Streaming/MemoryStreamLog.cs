using System.Collections.Concurrent;

namespace Hybrid;

/// <summary>
/// The stream log of one instance: each stream's records in a list under its own lock, dropped once
/// its retention passes (swept at most every few seconds, by whichever append comes). A reconnect
/// that reaches another instance finds nothing and gets <c>reset</c>; <c>AddHybridRedis</c> replaces
/// this with Redis Streams.
/// </summary>
internal sealed class MemoryStreamLog(TimeProvider time) : IStreamLog
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, Entry> _logs = new(StringComparer.Ordinal);
    private long _nextSweep;

    /// <summary>The logs held now, for tests and the memory benchmark.</summary>
    public int Count => _logs.Count;

    public ValueTask AppendAsync(string key, string owner, IReadOnlyList<StreamRecord> records, TimeSpan retention, int retained, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcTicks;
        Sweep(now);
        var entry = _logs.GetOrAdd(key, static (_, o) => new Entry(o), owner);
        lock (entry)
        {
            // The first writer of a sequence wins: after a cut, the connection the client left can append
            // its last batch after the one that resumed began.
            var last = entry.Records.Count == 0 ? 0 : entry.Records[^1].Sequence;
            foreach (var record in records)
            {
                if (record.Sequence == last + 1)
                {
                    entry.Records.Add(record);
                    last = record.Sequence;
                }
            }

            if (entry.Records.Count > retained)
            {
                entry.Records.RemoveRange(0, entry.Records.Count - retained);
            }

            entry.ExpiresAt = now + retention.Ticks;
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
            var records = entry.Records;
            if (entry.ExpiresAt < time.GetUtcNow().UtcTicks || records.Count == 0 || afterSequence < records[0].Sequence - 1 || afterSequence > records[^1].Sequence)
            {
                return ValueTask.FromResult<StreamLogRead?>(null);
            }

            var start = (int)(afterSequence - records[0].Sequence + 1);
            var last = records[^1];
            var lastItem = records.FindLast(r => r.Kind == StreamEventKind.Item);
            return ValueTask.FromResult<StreamLogRead?>(new StreamLogRead(records.GetRange(start, records.Count - start), last.Ends, last.Sequence, lastItem?.Position));
        }
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
                _logs.TryRemove(key, out _);
            }
        }
    }

    private sealed class Entry(string owner)
    {
        public readonly List<StreamRecord> Records = [];
        public long ExpiresAt;

        public string Owner { get; } = owner;
    }
}
