using System.Globalization;

namespace Hybrid;

/// <summary>
/// One stream endpoint's settings, resolved from its <see cref="StreamingAttribute"/> over the app's
/// <see cref="HybridStreamOptions"/> (a value left at 0 takes the app's).
/// </summary>
internal sealed record StreamSettings(StreamResume Resume, TimeSpan Retention, TimeSpan Heartbeat, TimeSpan MaxDuration, int BufferSize)
{
    public static StreamSettings Of(StreamingAttribute? declared, HybridStreamOptions app) => new(
        declared?.DeclaredResume ?? app.Resume,
        Seconds(declared?.RetentionSeconds, app.Retention),
        Seconds(declared?.HeartbeatSeconds, app.Heartbeat),
        Seconds(declared?.MaxDurationSeconds, app.MaxDuration),
        declared is { BufferSize: > 0 } ? declared.BufferSize : app.BufferSize);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Resume} retention={Retention.TotalSeconds}s heartbeat={Heartbeat.TotalSeconds}s max={MaxDuration.TotalSeconds}s buffer={BufferSize}");

    private static TimeSpan Seconds(int? seconds, TimeSpan fallback) => seconds is > 0 ? TimeSpan.FromSeconds(seconds.Value) : fallback;
}
