namespace Hybrid;

/// <summary>
/// One failure, door-neutral: both doors write it as the same RFC 9457 problem details.
/// </summary>
internal sealed class OperationProblem
{
    private OperationProblem(int status, string code, string? detail, IReadOnlyDictionary<string, string[]>? errors)
    {
        Status = status;
        Code = code;
        Detail = detail;
        Errors = errors;
    }

    public int Status { get; }

    public string Code { get; }

    public string? Detail { get; }

    public IReadOnlyDictionary<string, string[]>? Errors { get; }

    /// <summary>Extra response headers (e.g. <c>Allow</c> for 405).</summary>
    public KeyValuePair<string, string>? Header { get; private init; }

    public static OperationProblem From(HybridProblemException exception) =>
        new(exception.Status, exception.Code, exception.Detail, (exception as RequestValidationException)?.Errors)
        {
            Header = exception is TooManyRequestsException { RetryAfter: { } wait }
                ? new KeyValuePair<string, string>("Retry-After", Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture))
                : null,
        };

    public static OperationProblem Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(400, ProblemCodes.ValidationFailed, "One or more fields are invalid.", errors);

    /// <summary>Members (JSON paths or form fields) the request type does not have, each named, from either body.</summary>
    public static OperationProblem UnknownMembers(IEnumerable<string> paths) =>
        Validation(paths.ToDictionary(p => p, p => new[] { $"The request has no member '{p}'." }, StringComparer.Ordinal));

    /// <summary>
    /// 400 <c>invalid_json</c>, saying where the reader stopped (the path, and the 1-based line and
    /// byte position of <see cref="System.Text.Json.JsonException"/>'s 0-based ones), never what it found there.
    /// </summary>
    public static OperationProblem InvalidJson(string? path, long? line = null, long? bytePositionInLine = null) =>
        new(400, ProblemCodes.InvalidJson, "The request body is not valid JSON for this operation" +
            (path is null or "$" ? string.Empty : $" at '{path}'") + Position(line, bytePositionInLine) + ".", null);

    /// <summary><c> (line 3, position 14)</c>, 1-based, or nothing when the reader gave no position.</summary>
    public static string Position(long? line, long? bytePositionInLine) =>
        line is { } l && bytePositionInLine is { } p
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" (line {l + 1}, position {p + 1})")
            : string.Empty;

    public static OperationProblem PayloadTooLarge() =>
        new(413, ProblemCodes.PayloadTooLarge, "The request body is larger than this endpoint accepts.", null);

    public static OperationProblem UnsupportedMediaType(string detail) =>
        new(415, ProblemCodes.UnsupportedMediaType, detail, null);

    /// <summary>503: a transient failure (<see cref="HybridOptions.TransientFailures"/>), with <c>Retry-After</c> in whole seconds.</summary>
    public static OperationProblem Unavailable(TimeSpan retryAfter) =>
        Create(503, ProblemCodes.ServiceUnavailable, "A service this operation depends on is busy. Nothing was changed; try again after Retry-After seconds.",
            "Retry-After", Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The answer of an operation cancelled by its request timeout: 504 unless the timeout's policy names another status.</summary>
    public static OperationProblem TimedOut(int status) =>
        Create(status, ProblemCodes.RequestTimeout, "The operation did not finish within its time limit and was cancelled.");

    /// <summary>400: the body could not be read (malformed framing, truncated, a malformed form).</summary>
    public static OperationProblem UnreadableBody() =>
        Create(400, ProblemCodes.BadRequest, "The request body could not be read.");

    /// <summary>408: the body arrived below the server's minimum data rate.</summary>
    public static OperationProblem BodyTooSlow() =>
        Create(408, ProblemCodes.BodyTooSlow, "The request body arrived more slowly than the server accepts.");

    public static OperationProblem Internal() =>
        new(500, ProblemCodes.InternalError, "An unexpected error occurred. Quote the trace id when reporting it.", null);

    public static OperationProblem Create(int status, string code, string detail, string? headerName = null, string? headerValue = null) =>
        new(status, code, detail, null)
        {
            Header = headerName is null ? null : new KeyValuePair<string, string>(headerName, headerValue ?? string.Empty),
        };
}
