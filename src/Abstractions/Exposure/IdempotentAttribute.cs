namespace Hybrid;

/// <summary>
/// Lets a POST or PATCH route accept (or require) the <c>Idempotency-Key</c> header: the first
/// response for a key is stored and replayed, marked as a replay, for a retry with the same key and
/// payload; 409 while the first is in flight, 422 for the same key with another payload, 400 when
/// required and missing. Keys are scoped to the caller and the operation. Stored through
/// <c>IDistributedCache</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class IdempotentAttribute : Attribute
{
    /// <summary>True to refuse a request without a key (400). Default false: a key is optional.</summary>
    public bool Required { get; set; }

    /// <summary>How long a stored response is replayed, in seconds. Default 86,400 (24 hours).</summary>
    public int ExpirySeconds { get; set; } = 86_400;
}
