namespace Hybrid;

/// <summary>What the handler stage produced: the handler's value, or a problem (validation's, or the handler's).</summary>
/// <typeparam name="TResponse">The handler's response type.</typeparam>
internal readonly struct Outcome<TResponse>
{
    private Outcome(TResponse? value, OperationProblem? problem, string? errorType)
    {
        Value = value;
        Problem = problem;
        ErrorType = errorType;
    }

    public TResponse? Value { get; }

    public OperationProblem? Problem { get; }

    /// <summary>OpenTelemetry's <c>error.type</c>: the problem's code, or the unexpected exception's type.</summary>
    public string? ErrorType { get; }

    public static Outcome<TResponse> Success(TResponse value) => new(value, null, null);

    public static Outcome<TResponse> Failure(OperationProblem problem, string? errorType = null) => new(default, problem, errorType ?? problem.Code);
}
