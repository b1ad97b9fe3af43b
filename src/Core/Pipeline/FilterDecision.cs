namespace Hybrid;

/// <summary>
/// What a filter decided before the handler: continue (default), refuse with a problem, or answer
/// the request itself. Continuing may carry what the step learnt: the body's kind (the media type
/// step) or the bound request (the door's binder). <see cref="Guard"/> names the step for telemetry
/// (<see cref="HybridTelemetry.GuardTag"/>) when it is one of the REST door's guards.
/// </summary>
internal readonly struct FilterDecision
{
    private FilterDecision(OperationProblem? problem, DoorAnswer? answer, string? guard, InputKind? input, object? request)
    {
        Problem = problem;
        Answer = answer;
        Guard = guard;
        Input = input;
        Request = request;
    }

    public static FilterDecision Continue => default;

    public OperationProblem? Problem { get; }

    public DoorAnswer? Answer { get; }

    public string? Guard { get; }

    public InputKind? Input { get; }

    public object? Request { get; }

    public static FilterDecision Refuse(OperationProblem problem, string? guard = null) => new(problem, null, guard, null, null);

    public static FilterDecision Answered(DoorAnswer answer, string guard) => new(null, answer, guard, null, null);

    public static FilterDecision ContinueAs(InputKind input) => new(null, null, null, input, null);

    public static FilterDecision Bound(object request) => new(null, null, null, null, request);
}
