using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Distributed;

namespace Hybrid.Http.Idempotency;

/// <summary>
/// The built-in store: records in <see cref="IDistributedCache"/>, claimed under a lock held in this
/// process. <see cref="IDistributedCache"/> has no atomic add, so the read-then-write of a claim is
/// atomic only among requests this process serves; with several instances behind a balancer, two
/// of them can claim one key at once until a store with an atomic add in the cache replaces this one.
/// </summary>
internal sealed class DistributedIdempotencyStore(IDistributedCache cache, TimeProvider time) : IIdempotencyStore
{
    /// <summary>
    /// How long a claim lasts at most: a process that dies mid-request (its cache outliving it)
    /// frees the key after this rather than after the whole expiry.
    /// </summary>
    internal static readonly TimeSpan MaxClaim = TimeSpan.FromMinutes(10);

    // Striped: one lock per key would need its own bookkeeping; 64 stripes keep unrelated keys from
    // waiting on each other in practice, and a lock is held only over two cache calls.
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
            await SetAsync(key, new IdempotencyRecord(fingerprint, now + claim, null), claim, cancellationToken).ConfigureAwait(false);
            return new(IdempotencyState.Started);
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
            await SetAsync(key, new IdempotencyRecord(fingerprint, time.GetUtcNow() + expiry, response), expiry, cancellationToken).ConfigureAwait(false);
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

    private Task SetAsync(string key, IdempotencyRecord record, TimeSpan lifetime, CancellationToken cancellationToken) =>
        cache.SetAsync(key, record.ToBytes(), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime }, cancellationToken);

    private SemaphoreSlim LockFor(string key) => _locks[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_locks.Length)];
}
