using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Distributed;

namespace Hybrid.Http.Idempotency;

/// <summary>
/// The store over an app's own <see cref="IDistributedCache"/> (the in-memory one gets
/// <see cref="MemoryIdempotencyStore"/>): records in the cache, claimed under a lock held in this
/// process. <see cref="IDistributedCache"/> has no atomic add, so the read-then-write of a claim is
/// atomic only among requests this process serves; with several instances behind a balancer, two
/// of them can claim one key at once; <c>AddHybridRedis</c> replaces this store with one that claims atomically.
/// </summary>
internal sealed class DistributedIdempotencyStore(IDistributedCache cache, TimeProvider time) : IIdempotencyStore
{
    /// <summary>
    /// How long a claim lasts at most: a process that dies mid-request (its cache outliving it)
    /// frees the key after this rather than after the whole expiry.
    /// </summary>
    internal static readonly TimeSpan MaxClaim = TimeSpan.FromMinutes(10);

    // A cache may drop a new entry (MemoryCache at its SizeLimit refuses one, and drops the key's
    // previous one, while it compacts in the background), and IDistributedCache cannot say so: every
    // write is read back, and set again after these pauses until the cache keeps it.
    private static readonly TimeSpan[] RetryPauses = [TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100)];

    // Striped: one lock per key would need its own bookkeeping; 64 stripes keep unrelated keys from
    // waiting on each other in practice. A lock is held over a read, a write and the read that checks
    // it was kept; only a cache at its size limit adds the pauses.
    private readonly SemaphoreSlim[] _locks = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public async ValueTask<IdempotencyBegin> BeginAsync(string key, byte[] fingerprint, TimeSpan expiry, CancellationToken cancellationToken)
    {
        var gate = LockFor(key);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            var bytes = await cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
            var record = bytes is null ? null : IdempotencyRecord.FromBytes(bytes);
            if (record is not null && record.ExpiresAt > now)
            {
                return !CryptographicOperations.FixedTimeEquals(record.Fingerprint, fingerprint) ? new(IdempotencyState.Mismatch)
                    : record.Response is null ? new(IdempotencyState.InFlight)
                    : new(IdempotencyState.Completed, record.Response);
            }

            var claim = expiry < MaxClaim ? expiry : MaxClaim;
            var kept = await SetAndConfirmAsync(key, new IdempotencyRecord(fingerprint, now + claim, null), claim, cancellationToken).ConfigureAwait(false);
            return new(kept ? IdempotencyState.Started : IdempotencyState.Unavailable);
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask CompleteAsync(string key, byte[] fingerprint, StoredResponse response, TimeSpan expiry, CancellationToken cancellationToken)
    {
        var gate = LockFor(key);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Not kept after the pauses, a retry of this request runs again: nothing better is possible
            // once the operation has run (docs/rest.md, Storage).
            await SetAndConfirmAsync(key, new IdempotencyRecord(fingerprint, time.GetUtcNow() + expiry, response), expiry, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        var gate = LockFor(key);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async ValueTask<bool> SetAndConfirmAsync(string key, IdempotencyRecord record, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var bytes = record.ToBytes();
        for (var attempt = 0; ; attempt++)
        {
            await cache.SetAsync(key, bytes, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime }, cancellationToken).ConfigureAwait(false);
            if (await cache.GetAsync(key, cancellationToken).ConfigureAwait(false) is not null)
            {
                return true;
            }

            if (attempt == RetryPauses.Length)
            {
                return false;
            }

            await Task.Delay(RetryPauses[attempt], time, cancellationToken).ConfigureAwait(false);
        }
    }

    private SemaphoreSlim LockFor(string key) => _locks[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_locks.Length)];
}
