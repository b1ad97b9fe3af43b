using System.Diagnostics;
using System.Reflection;

namespace Hybrid;

/// <summary>
/// Hybrid's tracing and metrics names, following OpenTelemetry's semantic conventions: one
/// <see cref="ActivitySource"/> and one <see cref="System.Diagnostics.Metrics.Meter"/>, both named
/// <c>Hybrid</c> and versioned with the assembly. Add them to your telemetry with
/// <c>AddSource(HybridTelemetry.ActivitySourceName)</c> and <c>AddMeter(HybridTelemetry.MeterName)</c>.
/// </summary>
public static class HybridTelemetry
{
    /// <summary>The name of Hybrid's activity source.</summary>
    public const string ActivitySourceName = "Hybrid";

    /// <summary>The name of Hybrid's meter.</summary>
    public const string MeterName = "Hybrid";

    /// <summary>
    /// The histogram of request durations through a door, in seconds, from the first byte Hybrid
    /// reads to the last it writes: binding, validation, the handler and the response. Tagged with
    /// <see cref="OperationTag"/>, <see cref="DoorTag"/> and, when the request failed, <see cref="ErrorTypeTag"/>.
    /// </summary>
    public const string RequestDurationInstrument = "hybrid.request.duration";

    /// <summary>
    /// The counter of cache evictions a successful mutation could not carry out (an unreachable
    /// store): tagged with <see cref="OperationTag"/>. The tags themselves are in the warning log.
    /// </summary>
    public const string RevalidationFailuresInstrument = "hybrid.revalidation.failures";

    /// <summary>The streams open now, by operation (an up-down counter, <c>{stream}</c>).</summary>
    public const string OpenStreamsInstrument = "hybrid.streams.open";

    /// <summary>The items streams sent, by operation (a counter, <c>{item}</c>).</summary>
    public const string StreamItemsInstrument = "hybrid.stream.items";

    /// <summary>The tag naming the operation: its request type's name.</summary>
    public const string OperationTag = "hybrid.operation";

    /// <summary>The tag naming the door, by its registered name (<see cref="HybridDoors"/>).</summary>
    public const string DoorTag = "hybrid.door";

    /// <summary>
    /// OpenTelemetry's <c>error.type</c>: the problem's <c>code</c> for an expected failure (e.g.
    /// <c>validation_failed</c>), the exception's full type name for an unexpected one. Absent on success.
    /// </summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>
    /// The tag naming the guard that answered a request before binding, on the duration histogram and
    /// the activity: <c>body_limit</c>, <c>webhook</c> or <c>idempotency</c>. Absent when the request
    /// reached binding. With it, <see cref="GuardOutcomeTag"/> says how the guard answered.
    /// </summary>
    public const string GuardTag = "hybrid.guard";

    /// <summary>
    /// How a guard answered: <c>refused</c> (a problem, whose code is <see cref="ErrorTypeTag"/>),
    /// <c>replayed</c> (a stored response for a repeated <c>Idempotency-Key</c>) or <c>repeated</c>
    /// (a webhook delivery already processed).
    /// </summary>
    public const string GuardOutcomeTag = "hybrid.guard.outcome";

    internal static string Version { get; } = typeof(HybridTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    internal static ActivitySource Source { get; } = new(ActivitySourceName, Version);
}
