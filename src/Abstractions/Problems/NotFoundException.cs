namespace Hybrid;

/// <summary>Signals that what the request names does not exist: 404, code <c>not_found</c> unless given.</summary>
public sealed class NotFoundException : HybridProblemException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="detail">The message for the caller.</param>
    /// <param name="code">A more specific stable code, e.g. <c>post_not_found</c>.</param>
    public NotFoundException(string? detail = null, string code = ProblemCodes.NotFound)
        : base(404, code, detail)
    {
    }
}
