using System.Security.Cryptography;

namespace Hybrid.Http.Idempotency;

/// <summary>
/// The store while the app's <c>IDistributedCache</c> is the in-memory one (the default): records in
/// this process, claimed under its lock, so a claim is exact on one instance. Stored answers are
/// appended to large chunks (<see cref="RecordChunks"/>) rather than kept as an object each: the
/// garbage collector then sees a few arrays, not one per record, and a day of records does not grow
/// its heap's headroom with them. <see cref="Size"/> is what the records hold on the heap (the chunks,
/// the claims' arrays and every slot of the key table), so its limit
/// (<c>MemoryDistributedCacheOptions.SizeLimit</c>) bounds real memory. At the limit the oldest chunks
/// of answers go, never a claim in flight; only claims that alone fill it make it refuse one.
/// </summary>
internal sealed class MemoryIdempotencyStore(long? sizeLimit, TimeProvider time) : IIdempotencyStore
{
    // One slot of the key table, used or free: its entry (hash code, next index, the digest, the Slot) and its bucket.
    private const int SlotBytes = 4 + 4 + RecordDigest.Size + 32 + 4;

    // Expired records are dropped by a scan at most this often, and before any eviction.
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly Dictionary<RecordDigest, Slot> _records = [];
    private readonly RecordChunks _answers = new(sizeLimit);
    private readonly Lock _lock = new();
    private long _claimBytes;
    private long _nextSweep;

    /// <summary>The heap the records hold: the chunks of answers, the claims' arrays and the key table's slots.</summary>
    public long Size
    {
        get
        {
            lock (_lock)
            {
                return CurrentSize;
            }
        }
    }

    /// <summary>How many keys are claimed or answered.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _records.Count;
            }
        }
    }

    private long CurrentSize => _answers.Bytes + _claimBytes + ((long)_records.Capacity * SlotBytes);

    public ValueTask<IdempotencyBegin> BeginAsync(string key, byte[] fingerprint, TimeSpan expiry, CancellationToken cancellationToken)
    {
        var digest = RecordDigest.Of(key);
        var now = time.GetUtcNow();
        var claim = expiry < DistributedIdempotencyStore.MaxClaim ? expiry : DistributedIdempotencyStore.MaxClaim;
        var claimed = new IdempotencyRecord(fingerprint, now + claim, null).ToBytes();
        lock (_lock)
        {
            Sweep(now.UtcTicks, due: true);
            if (_records.TryGetValue(digest, out var slot) && slot.ExpiresAt > now.UtcTicks && Read(slot) is { } record)
            {
                return ValueTask.FromResult<IdempotencyBegin>(
                    !CryptographicOperations.FixedTimeEquals(record.Fingerprint, fingerprint) ? new(IdempotencyState.Mismatch)
                    : record.Response is null ? new(IdempotencyState.InFlight)
                    : new(IdempotencyState.Completed, record.Response));
            }

            Remove(digest);
            _records[digest] = new Slot(claimed, (now + claim).UtcTicks, 0, 0, 0);
            _claimBytes += RecordChunks.ArrayBytes(claimed.Length);
            var kept = Fits(digest, now.UtcTicks);
            return ValueTask.FromResult<IdempotencyBegin>(new(kept ? IdempotencyState.Started : IdempotencyState.Unavailable));
        }
    }

    public ValueTask CompleteAsync(string key, byte[] fingerprint, StoredResponse response, TimeSpan expiry, CancellationToken cancellationToken)
    {
        var digest = RecordDigest.Of(key);
        var now = time.GetUtcNow();
        var bytes = new IdempotencyRecord(fingerprint, now + expiry, response).ToBytes();
        lock (_lock)
        {
            Remove(digest);
            var (chunk, offset) = _answers.Append(bytes);
            _records[digest] = new Slot(null, (now + expiry).UtcTicks, chunk, offset, bytes.Length);

            // An answer that does not fit even after evicting every older one frees the key: a retry
            // runs again, as after any answer the store could not keep (docs/rest.md, Storage).
            Fits(digest, now.UtcTicks);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        var digest = RecordDigest.Of(key);
        lock (_lock)
        {
            Remove(digest);
        }

        return ValueTask.CompletedTask;
    }

    private IdempotencyRecord? Read(Slot slot) =>
        slot.Claim is { } claim ? IdempotencyRecord.FromBytes(claim) : _answers.Read(slot.Chunk, slot.Offset, slot.Length);

    /// <summary>Makes room for the record just set under <paramref name="digest"/>; false, with the key removed, when it does not fit.</summary>
    private bool Fits(RecordDigest digest, long now)
    {
        if (sizeLimit is not { } limit || CurrentSize <= limit)
        {
            return true;
        }

        Sweep(now, due: false);
        while (CurrentSize > limit && _answers.OldestToEvict() is { } before)
        {
            // The newest chunk, which holds the answer just appended, is never among them.
            foreach (var (key, slot) in _records)
            {
                if (slot.Claim is null && slot.Chunk < before)
                {
                    _records.Remove(key);
                }
            }

            _answers.Evict(before);
        }

        if (CurrentSize <= limit)
        {
            return true;
        }

        Remove(digest);
        return false;
    }

    private void Sweep(long now, bool due)
    {
        if (due && now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + SweepEvery.Ticks;
        foreach (var (digest, slot) in _records)
        {
            if (slot.ExpiresAt <= now)
            {
                Remove(digest);
            }
        }
    }

    private void Remove(RecordDigest digest)
    {
        if (!_records.Remove(digest, out var removed))
        {
            return;
        }

        if (removed.Claim is { } claim)
        {
            _claimBytes -= RecordChunks.ArrayBytes(claim.Length);
        }
        else
        {
            _answers.Release(removed.Chunk, removed.Length);
        }
    }

    /// <summary>A claim's bytes (an array of its own: it lives for one request), or where an answer's bytes are; and when it expires (UTC ticks).</summary>
    private readonly record struct Slot(byte[]? Claim, long ExpiresAt, int Chunk, int Offset, int Length);
}
