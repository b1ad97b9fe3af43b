using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Testing;

/// <summary>
/// Records one host's <c>hybrid.request.duration</c> measurements for one operation. Listeners are
/// process-wide and tests run in parallel, so only this host's meter (from its
/// <see cref="IMeterFactory"/>) and the named operation are kept.
/// </summary>
public sealed class DurationRecorder : IDisposable
{
    private readonly MeterListener _listener;

    public DurationRecorder(IServiceProvider services, string operation)
    {
        var meters = services.GetRequiredService<IMeterFactory>();
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == HybridTelemetry.MeterName && ReferenceEquals(instrument.Meter.Scope, meters) &&
                    instrument.Name == HybridTelemetry.RequestDurationInstrument)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            if (copy.GetValueOrDefault(HybridTelemetry.OperationTag) as string == operation)
            {
                Measurements.Enqueue((value, copy));
            }
        });
        _listener.Start();
    }

    public ConcurrentQueue<(double Seconds, Dictionary<string, object?> Tags)> Measurements { get; } = new();

    /// <summary>Waits until <paramref name="count"/> measurements arrived: one is recorded as the endpoint returns, which may be just after the client has the response.</summary>
    public async Task<IReadOnlyList<Dictionary<string, object?>>> WaitForAsync(int count)
    {
        for (var i = 0; i < 200 && Measurements.Count < count; i++)
        {
            await Task.Delay(25);
        }

        return [.. Measurements.Select(m => m.Tags)];
    }

    public void Dispose() => _listener.Dispose();
}
