namespace Hybrid.Http.Idempotency;

/// <summary>
/// Where idempotency keys and their stored responses live. <see cref="BeginAsync"/> must be atomic:
/// of two requests with one key, exactly one is told <see cref="IdempotencyState.Started"/>. The
/// built-in stores get that from a lock in this process (over their own dictionary, or over an app's
/// <c>IDistributedCache</c>); a store for several instances needs an atomic add in the cache itself
/// (Redis <c>SET NX</c>).
/// </summary>
internal interface IIdempotencyStore
{
    /// <summary>Claims <paramref name="key"/> for a request with <paramref name="fingerprint"/>, or says why not.</summary>
    ValueTask<IdempotencyBegin> BeginAsync(string key, byte[] fingerprint, TimeSpan expiry, CancellationToken cancellationToken);

    /// <summary>Stores the response of the request that claimed <paramref name="key"/>, replayed until <paramref name="expiry"/> passes.</summary>
    ValueTask CompleteAsync(string key, byte[] fingerprint, StoredResponse response, TimeSpan expiry, CancellationToken cancellationToken);

    /// <summary>Gives <paramref name="key"/> up, so a retry runs the operation again.</summary>
    ValueTask ReleaseAsync(string key, CancellationToken cancellationToken);
}
