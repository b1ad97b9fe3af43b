using System.Diagnostics;

namespace Hybrid;

/// <summary>Hybrid's tracing: one <see cref="ActivitySource"/>, named <see cref="ActivitySourceName"/>.</summary>
public static class HybridTelemetry
{
    /// <summary>The name of Hybrid's activity source; add it to your tracer (<c>AddSource(HybridTelemetry.ActivitySourceName)</c>).</summary>
    public const string ActivitySourceName = "Hybrid";

    internal static ActivitySource Source { get; } = new(ActivitySourceName);
}
