using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Hybrid.Http.Idempotency;

/// <summary>
/// The store while the app's <c>IDistributedCache</c> is the in-memory one (the default): records in a
/// dictionary of this process, claimed under its lock, so a claim is exact on one instance. Its
/// <see cref="Size"/> is what the records really hold on the heap (each record's bytes, its key and
/// its dictionary entry), so its limit (<c>MemoryDistributedCacheOptions.SizeLimit</c>) bounds real
/// memory. At the limit it evicts the oldest stored answers, never a claim in flight; only claims
/// that alone fill it make it refuse one.
/// </summary>
internal sealed class MemoryIdempotencyStore(long? sizeLimit, TimeProvider time) : IIdempotencyStore
{
    // A byte[] on a 64-bit runtime: object header, method table and length, then its data padded to 8 bytes.
    private const int ArrayHeader = 24;

    // One slot of the dictionary, used or free: its entry (hash code, next index, the digest, the Slot) and its bucket.
    private const int SlotBytes = 4 + 4 + RecordDigest.Size + 24 + 4;

    // A full store evicts a tenth of its answers at once, so it scans once per tenth refilled rather than once per record.
    private const int EvictFraction = 10;

    // Expired records are dropped by a scan at most this often, and before any eviction.
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly Dictionary<RecordDigest, Slot> _records = [];
    private readonly Lock _lock = new();
    private long _recordBytes;
    private long _answers;
    private long _nextSweep;

    /// <summary>The heap the records hold: their arrays and every slot of the dictionary's storage.</summary>
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

    private long CurrentSize => _recordBytes + ((long)_records.Capacity * SlotBytes);

    public ValueTask<IdempotencyBegin> BeginAsync(string key, byte[] fingerprint, TimeSpan expiry, CancellationToken cancellationToken)
    {
        var digest = RecordDigest.Of(key);
        var now = time.GetUtcNow();
        var claim = expiry < DistributedIdempotencyStore.MaxClaim ? expiry : DistributedIdempotencyStore.MaxClaim;
        var claimed = new IdempotencyRecord(fingerprint, now + claim, null).ToBytes();
        lock (_lock)
        {
            Sweep(now.UtcTicks, due: true);
            if (_records.TryGetValue(digest, out var slot) && slot.ExpiresAt > now.UtcTicks && IdempotencyRecord.FromBytes(slot.Record) is { } record)
            {
                return ValueTask.FromResult<IdempotencyBegin>(
                    !CryptographicOperations.FixedTimeEquals(record.Fingerprint, fingerprint) ? new(IdempotencyState.Mismatch)
                    : record.Response is null ? new(IdempotencyState.InFlight)
                    : new(IdempotencyState.Completed, record.Response));
            }

            var kept = Put(digest, new Slot(claimed, (now + claim).UtcTicks, 0), now.UtcTicks);
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
            // An answer that does not fit even after evicting every older one frees the key: a retry
            // runs again, as after any answer the store could not keep (docs/rest.md, Storage).
            Put(digest, new Slot(bytes, (now + expiry).UtcTicks, ++_answers), now.UtcTicks);
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

    private static long ArrayBytes(byte[] array) => ArrayHeader + ((array.Length + 7L) & ~7L);

    /// <summary>Sets the key's slot and makes room for it; false, with the key removed, when it does not fit.</summary>
    private bool Put(RecordDigest digest, Slot slot, long now)
    {
        ref var stored = ref CollectionsMarshal.GetValueRefOrAddDefault(_records, digest, out var existed);
        if (existed)
        {
            _recordBytes -= ArrayBytes(stored.Record);
        }

        stored = slot;
        _recordBytes += ArrayBytes(slot.Record);
        if (sizeLimit is not { } limit || CurrentSize <= limit)
        {
            return true;
        }

        Sweep(now, due: false);
        while (CurrentSize > limit && EvictOldestAnswers(digest))
        {
        }

        if (CurrentSize <= limit)
        {
            return true;
        }

        Remove(digest);
        return false;
    }

    /// <summary>Drops the oldest tenth of the stored answers (by when they were stored), never <paramref name="keep"/>; false when there is none to drop.</summary>
    private bool EvictOldestAnswers(RecordDigest keep)
    {
        var oldest = long.MaxValue;
        foreach (var (digest, slot) in _records)
        {
            if (slot.Answer > 0 && slot.Answer < oldest && !digest.Equals(keep))
            {
                oldest = slot.Answer;
            }
        }

        if (oldest == long.MaxValue)
        {
            return false;
        }

        var before = oldest + Math.Max(1, (_answers - oldest) / EvictFraction);
        foreach (var (digest, slot) in _records)
        {
            if (slot.Answer > 0 && slot.Answer < before && !digest.Equals(keep))
            {
                Remove(digest);
            }
        }

        return true;
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
        if (_records.Remove(digest, out var removed))
        {
            _recordBytes -= ArrayBytes(removed.Record);
        }
    }

    /// <summary>A record's bytes, when it expires (UTC ticks), and for an answer its place in storing order (0 for a claim).</summary>
    private readonly record struct Slot(byte[] Record, long ExpiresAt, long Answer);
}
