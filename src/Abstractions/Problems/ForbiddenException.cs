namespace Hybrid;

/// <summary>Signals that the caller may not do this: 403, code <c>forbidden</c> unless given.</summary>
public sealed class ForbiddenException : HybridProblemException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="detail">The message for the caller.</param>
    /// <param name="code">A more specific stable code.</param>
    public ForbiddenException(string? detail = null, string code = ProblemCodes.Forbidden)
        : base(403, code, detail)
    {
    }
}
