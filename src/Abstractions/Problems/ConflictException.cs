namespace Hybrid;

/// <summary>Signals that the request conflicts with the current state: 409, code <c>conflict</c> unless given.</summary>
public sealed class ConflictException : HybridProblemException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="detail">The message for the caller.</param>
    /// <param name="code">A more specific stable code.</param>
    public ConflictException(string? detail = null, string code = ProblemCodes.Conflict)
        : base(409, code, detail)
    {
    }
}
