namespace Hybrid;

/// <summary>
/// An expected failure a handler signals by throwing: both doors answer it with the same RFC 9457
/// problem details. Its <see cref="Exception.Message"/> becomes the problem's <c>detail</c>, so write
/// it for the caller.
/// </summary>
public abstract class HybridProblemException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="code">The stable machine-readable code.</param>
    /// <param name="detail">The message shown to the caller as <c>detail</c>.</param>
    protected HybridProblemException(int status, string code, string? detail)
        : base(detail ?? code)
    {
        Status = status;
        Code = code;
        Detail = detail;
    }

    /// <summary>The HTTP status code.</summary>
    public int Status { get; }

    /// <summary>The stable machine-readable code.</summary>
    public string Code { get; }

    /// <summary>The message for the caller, or <see langword="null"/> for none.</summary>
    public string? Detail { get; }
}
