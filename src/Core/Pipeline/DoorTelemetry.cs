using System.Diagnostics;

namespace Hybrid;

/// <summary>
/// What one endpoint records of each request: one activity, and one duration tagged with the
/// operation, the door, the outcome's <c>error.type</c> and, when a guard decided, the guard and how.
/// </summary>
internal sealed class DoorTelemetry
{
    private readonly HybridMetrics _metrics;
    private readonly string _operation;
    private readonly string _door;
    private readonly string _activityName;
    private readonly TagList _tags;

    public DoorTelemetry(HybridMetrics metrics, string operation, string door)
    {
        _metrics = metrics;
        _operation = operation;
        _door = door;
        _activityName = "Hybrid " + door + " " + operation;
        _tags = new TagList { { HybridTelemetry.OperationTag, operation }, { HybridTelemetry.DoorTag, door } };
    }

    public Activity? Start()
    {
        var activity = HybridTelemetry.Source.StartActivity(_activityName, ActivityKind.Internal);
        activity?.SetTag(HybridTelemetry.OperationTag, _operation);
        activity?.SetTag(HybridTelemetry.DoorTag, _door);
        return activity;
    }

    public void Record(Activity? activity, long started, string? errorType, string? guard, string? guardOutcome)
    {
        if (guard is not null)
        {
            activity?.SetTag(HybridTelemetry.GuardTag, guard);
            activity?.SetTag(HybridTelemetry.GuardOutcomeTag, guardOutcome);
        }

        if (_metrics.RequestDuration.Enabled)
        {
            var tags = _tags;
            if (errorType is not null)
            {
                tags.Add(HybridTelemetry.ErrorTypeTag, errorType);
            }

            if (guard is not null)
            {
                tags.Add(HybridTelemetry.GuardTag, guard);
                tags.Add(HybridTelemetry.GuardOutcomeTag, guardOutcome);
            }

            _metrics.RequestDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }
}
