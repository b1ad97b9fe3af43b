using System.Globalization;

namespace Hybrid;

/// <summary>
/// The start-up checks of streams: the app's stream options (HYB097), an endpoint's own heartbeat
/// against the clients' timeout (HYB097), what a stream cannot carry (HYB098), and stream settings on
/// an operation that does not stream (HYB099).
/// </summary>
internal static class StreamChecks
{
    public static IEnumerable<HybridConfigurationError> Options(HybridStreamOptions o)
    {
        if (o.Heartbeat <= TimeSpan.Zero || o.Heartbeat >= o.ClientTimeout)
        {
            yield return new("HYB097", $"HybridOptions.Streams: Heartbeat ({Seconds(o.Heartbeat)}) must be positive and shorter than ClientTimeout ({Seconds(o.ClientTimeout)}), or the clients would drop an idle stream that is alive. Fix: keep the defaults (15 s and 45 s), or lower Heartbeat.");
        }

        if (o.Retention < TimeSpan.FromSeconds(1) || o.MaxDuration < TimeSpan.FromSeconds(1) || o.SlowConsumerTimeout < TimeSpan.FromMilliseconds(100) || o.HeadersAfter < TimeSpan.Zero || o.HeadersAfter > TimeSpan.FromSeconds(10))
        {
            yield return new("HYB097", "HybridOptions.Streams: Retention and MaxDuration must be at least 1 second, SlowConsumerTimeout at least 100 ms, and HeadersAfter between 0 and 10 seconds. Fix: keep the defaults (5 min, 30 min, 10 s, 250 ms) unless a stream needs otherwise.");
        }

        if (o.BufferSize < 1 || o.RetainedEvents < 1 || o.MaxOpenPerUser < 1 || o.MaxOpenPerApp < 1 || o.MemoryLogBytes < 1)
        {
            yield return new("HYB097", "HybridOptions.Streams: BufferSize, RetainedEvents, MaxOpenPerUser, MaxOpenPerApp and MemoryLogBytes must be at least 1. Fix: keep the defaults (64, 10,000, 32, 10,000, 64 MiB).");
        }
    }

    public static IEnumerable<HybridConfigurationError> Endpoint(EndpointSettings endpoint, HybridStreamOptions app)
    {
        var name = endpoint.Operation.ToString();
        if (endpoint.Metadata.OfType<StreamingAttribute>().Any(s => s.RetentionSeconds < 0 || s.HeartbeatSeconds < 0 || s.MaxDurationSeconds < 0 || s.BufferSize < 0))
        {
            yield return new("HYB097", $"{name} declares a negative stream setting. Fix: give seconds and sizes of 1 or more, or 0 for the app's default (HybridOptions.Streams).");
        }

        if (endpoint.Stream is not { } stream)
        {
            if (endpoint.Metadata.OfType<StreamingAttribute>().Any())
            {
                yield return new("HYB099", $"{name} declares stream settings ([Streaming] or op.Streaming(...)) but does not stream. Fix: remove them, or make the request an IStreamRequest<TItem> with an IStreamRequestHandler.");
            }

            yield break;
        }

        if (stream.Heartbeat >= app.ClientTimeout)
        {
            yield return new("HYB097", $"{name} sends a heartbeat every {Seconds(stream.Heartbeat)}, not shorter than the clients' timeout ({Seconds(app.ClientTimeout)}), so the clients would drop its idle streams. Fix: lower HeartbeatSeconds, or raise HybridOptions.Streams.ClientTimeout.");
        }

        var cannot = new List<string>();
        if (endpoint.Idempotent is not null)
        {
            cannot.Add("idempotent retries");
        }

        if (endpoint.ReadCache is not null)
        {
            cannot.Add("a read cache");
        }

        if (endpoint.Revalidates.Count > 0)
        {
            cannot.Add("revalidation");
        }

        if (endpoint.Webhook is not null)
        {
            cannot.Add("a webhook");
        }

        if (endpoint.Timeout is not null)
        {
            cannot.Add("a request timeout");
        }

        if (cannot.Count > 0)
        {
            yield return new("HYB098", $"{name} streams on {endpoint.Door.Name} {endpoint.Endpoint.Display} but declares {string.Join(", ", cannot)}, which a stream cannot carry (its answer is never whole). Fix: remove them; bound a stream with [Streaming(MaxDurationSeconds = ...)] instead of a timeout.");
        }
    }

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s";
}
