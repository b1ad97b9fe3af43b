namespace Hybrid;

/// <summary>What the pipeline produced: the handler's value, or a problem.</summary>
/// <typeparam name="TResponse">The handler's response type.</typeparam>
internal readonly struct Outcome<TResponse>
{
    private Outcome(TResponse? value, OperationProblem? problem)
    {
        Value = value;
        Problem = problem;
    }

    public TResponse? Value { get; }

    public OperationProblem? Problem { get; }

    public static Outcome<TResponse> Success(TResponse value) => new(value, null);

    public static Outcome<TResponse> Failure(OperationProblem problem) => new(default, problem);
}
