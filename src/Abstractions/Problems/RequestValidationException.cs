namespace Hybrid;

/// <summary>
/// Signals field errors found by the handler (beyond DataAnnotations): 400, code
/// <c>validation_failed</c>, with <c>errors</c> keyed by the JSON property name.
/// </summary>
public sealed class RequestValidationException : HybridProblemException
{
    /// <summary>Creates the exception with field errors.</summary>
    /// <param name="errors">Messages by JSON property name (use <c>""</c> for the whole request).</param>
    /// <param name="detail">A message for the caller.</param>
    public RequestValidationException(IReadOnlyDictionary<string, string[]> errors, string? detail = null)
        : base(400, ProblemCodes.ValidationFailed, detail ?? "One or more fields are invalid.") => Errors = errors;

    /// <summary>Creates the exception with one field error.</summary>
    /// <param name="field">The JSON property name.</param>
    /// <param name="message">The message.</param>
    public RequestValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    /// <summary>The field errors, keyed by JSON property name.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
