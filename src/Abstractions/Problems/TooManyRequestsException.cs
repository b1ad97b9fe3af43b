namespace Hybrid;

/// <summary>
/// Signals that the caller exceeded a quota the handler enforces itself: 429, code
/// <c>rate_limited</c> unless given, with <c>Retry-After</c> when <see cref="RetryAfter"/> is set.
/// </summary>
public sealed class TooManyRequestsException : HybridProblemException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="retryAfter">How long the caller should wait, sent as <c>Retry-After</c> in whole seconds.</param>
    /// <param name="detail">The message for the caller.</param>
    /// <param name="code">A more specific stable code.</param>
    public TooManyRequestsException(TimeSpan? retryAfter = null, string? detail = null, string code = ProblemCodes.RateLimited)
        : base(429, code, detail)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the caller should wait before trying again, if known.</summary>
    public TimeSpan? RetryAfter { get; }
}
