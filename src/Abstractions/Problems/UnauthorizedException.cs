namespace Hybrid;

/// <summary>Signals that the caller must authenticate (or authenticate again): 401, code <c>unauthorized</c> unless given.</summary>
public sealed class UnauthorizedException : HybridProblemException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="detail">The message for the caller.</param>
    /// <param name="code">A more specific stable code.</param>
    public UnauthorizedException(string? detail = null, string code = ProblemCodes.Unauthorized)
        : base(401, code, detail)
    {
    }
}
