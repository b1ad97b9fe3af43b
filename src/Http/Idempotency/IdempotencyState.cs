namespace Hybrid.Http.Idempotency;

/// <summary>What <see cref="IIdempotencyStore.BeginAsync"/> found for a key.</summary>
internal enum IdempotencyState
{
    /// <summary>The key was free and is now claimed by this request: run it.</summary>
    Started,

    /// <summary>A request with this key and payload is still running.</summary>
    InFlight,

    /// <summary>The key was used with another payload.</summary>
    Mismatch,

    /// <summary>The key's response is stored: replay it.</summary>
    Completed,

    /// <summary>
    /// The store could not keep the claim (the in-memory store full of claims in flight, or a cache
    /// that dropped the entry): running now could run the operation twice, so the request is refused.
    /// </summary>
    Unavailable,
}
