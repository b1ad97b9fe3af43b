namespace Hybrid;

/// <summary>The tokens a request's steps are handed besides the client's own.</summary>
internal static class RequestTokens
{
    /// <summary>
    /// The token of what must complete whatever the client does (after the handler has run: the
    /// eviction of what it made stale, its answer, that answer stored for its key; and the timeout's
    /// answer). It can be cancelled and never is: ASP.NET Core's JSON writer replaces a token that
    /// cannot be cancelled, <see cref="CancellationToken.None"/>, with the request's <c>RequestAborted</c>.
    /// </summary>
    public static CancellationToken Detached { get; } = new CancellationTokenSource().Token;
}
