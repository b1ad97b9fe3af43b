using System.Diagnostics.Metrics;

namespace Hybrid;

/// <summary>Hybrid's instruments, made once from the app's <see cref="IMeterFactory"/> (so tests and hosts each see their own).</summary>
internal sealed class HybridMetrics
{
    private static readonly double[] Buckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public HybridMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(new MeterOptions(HybridTelemetry.MeterName) { Version = HybridTelemetry.Version });
        RequestDuration = meter.CreateHistogram(
            HybridTelemetry.RequestDurationInstrument,
            unit: "s",
            description: "Duration of requests through Hybrid's doors.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
        RevalidationFailures = meter.CreateCounter<long>(
            HybridTelemetry.RevalidationFailuresInstrument,
            unit: "{eviction}",
            description: "Cache evictions a successful mutation could not carry out (the cache store was unreachable or failed).");
        OpenStreams = meter.CreateUpDownCounter<long>(HybridTelemetry.OpenStreamsInstrument, unit: "{stream}", description: "Streams open now.");
        StreamItems = meter.CreateCounter<long>(HybridTelemetry.StreamItemsInstrument, unit: "{item}", description: "Items streams sent.");
    }

    public Histogram<double> RequestDuration { get; }

    public UpDownCounter<long> OpenStreams { get; }

    public Counter<long> StreamItems { get; }

    public Counter<long> RevalidationFailures { get; }
}
