namespace Hybrid;

/// <summary>
/// Signals that the resource changed since the caller read it (a stale version or <c>If-Match</c>):
/// 412, code <c>precondition_failed</c> unless given.
/// </summary>
public sealed class PreconditionFailedException : HybridProblemException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="detail">The message for the caller.</param>
    /// <param name="code">A more specific stable code.</param>
    public PreconditionFailedException(string? detail = null, string code = ProblemCodes.PreconditionFailed)
        : base(412, code, detail)
    {
    }
}
