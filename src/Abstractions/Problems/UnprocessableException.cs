namespace Hybrid;

/// <summary>
/// Signals a well-formed, valid request that the current state cannot carry out (a business rule):
/// 422, code <c>unprocessable</c> unless given.
/// </summary>
public sealed class UnprocessableException : HybridProblemException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="detail">The message for the caller.</param>
    /// <param name="code">A more specific stable code.</param>
    public UnprocessableException(string? detail = null, string code = ProblemCodes.Unprocessable)
        : base(422, code, detail)
    {
    }
}
