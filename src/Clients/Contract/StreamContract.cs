using System.Globalization;
using System.Text.Json;

namespace Hybrid.Clients;

/// <summary>
/// The stream part of an operation's contract: its <c>x-hybrid-stream</c> extension (docs/rest.md, Streams),
/// whose <c>item</c> is what each event of the stream carries.
/// </summary>
internal static class StreamContract
{
    private const string Extension = "x-hybrid-stream";

    /// <summary>The operation's <c>x-hybrid-stream</c>, or null when it answers once.</summary>
    public static JsonElement? Of(JsonElement operation) =>
        JsonMembers.TryGetObject(operation, Extension, out var stream) ? stream : null;

    /// <summary>The item's schema, when the extension names one.</summary>
    public static JsonElement? ItemOf(JsonElement? stream) =>
        stream is { } s && JsonMembers.TryGetObject(s, "item", out var item) ? item : null;

    /// <summary>Whether <paramref name="media"/> is one of the formats a stream is sent in, whose schema is an array of the item.</summary>
    public static bool IsStreamMedia(string media) =>
        media.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase) || media.Equals("application/jsonl", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The break when the stream's heartbeat is no longer shorter than the time a client built from the
    /// baseline waits without a byte (it reads <c>clientTimeoutSeconds</c> when it is generated), or null:
    /// such a client would drop an idle stream that is alive, and reconnect again and again.
    /// </summary>
    public static string? HeartbeatBreak(JsonElement was, JsonElement now)
    {
        if (Seconds(was, "clientTimeoutSeconds") is not { } timeout || Seconds(now, "heartbeatSeconds") is not { } heartbeat || heartbeat < timeout)
        {
            return null;
        }

        return $"the stream's heartbeat ({Text(heartbeat)} s) is no longer shorter than the {Text(timeout)} s clients built from the baseline wait before they reconnect";
    }

    private static double? Seconds(JsonElement stream, string name) =>
        stream.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static string Text(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}
