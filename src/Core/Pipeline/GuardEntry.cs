using Microsoft.AspNetCore.Http;

namespace Hybrid;

/// <summary>
/// What a door's guards decided before binding (<see cref="DoorEndpoint{TRequest, TResponse}.EnterAsync"/>):
/// let the request through (default), refuse it with a problem, or answer it themselves (a stored
/// replay, a repeated delivery); a request let through may carry an <see cref="IGuardExit"/> to
/// finish once the door has answered. <see cref="Guard"/> names the guard that decided, for telemetry.
/// </summary>
internal readonly record struct GuardEntry(OperationProblem? Refusal, DoorAnswer? Answer, IGuardExit? Exit, string? Guard)
{
    public static GuardEntry Refuse(OperationProblem problem, string guard) => new(problem, null, null, guard);

    public static GuardEntry Answered(DoorAnswer answer, string guard) => new(null, answer, null, guard);

    public static GuardEntry Through(IGuardExit? exit) => new(null, null, exit, null);
}

/// <summary>An answer a guard gives without running the handler; the door's template writes it and records its outcome.</summary>
internal abstract class DoorAnswer
{
    /// <summary>What the answer was, for the <see cref="HybridTelemetry.GuardOutcomeTag"/> tag (e.g. <c>replayed</c>).</summary>
    public abstract string Outcome { get; }

    public abstract Task WriteAsync(HttpContext context);
}

/// <summary>What a guard finishes after the door answered a request it let through (stores the response, remembers a delivery), and undoes if it never did.</summary>
internal interface IGuardExit : IAsyncDisposable
{
    /// <summary>Called once the door's responder wrote the answer; not called when the request failed unexpectedly.</summary>
    ValueTask CompleteAsync(HttpContext context);
}
