using System.Net.ServerSentEvents;
using System.Text.Json;

namespace Hybrid.Streaming.Tests;

/// <summary>Reads an event stream with .NET's own SSE parser, keeping each event's type, id and data.</summary>
internal static class SseEvents
{
    public static async Task<List<SseItem<string>>> ReadAllAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        var events = new List<SseItem<string>>();
        await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync(cancellationToken)).EnumerateAsync(cancellationToken))
        {
            events.Add(item);
        }

        return events;
    }

    /// <summary>Reads until <paramref name="count"/> items arrived, then stops reading (the caller disposes the response to cut it).</summary>
    public static async Task<List<SseItem<string>>> ReadItemsAsync(HttpResponseMessage response, int count, CancellationToken cancellationToken = default)
    {
        var events = new List<SseItem<string>>();
        if (count == 0)
        {
            return events;
        }

        await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync(cancellationToken)).EnumerateAsync(cancellationToken))
        {
            events.Add(item);
            if (events.Count(e => e.EventType == "message") == count || e(item))
            {
                break;
            }
        }

        return events;

        static bool e(SseItem<string> item) => item.EventType != "message";
    }

    public static int N(this SseItem<string> item) => JsonDocument.Parse(item.Data).RootElement.GetProperty("n").GetInt32();

    public static string Code(this SseItem<string> item) => JsonDocument.Parse(item.Data).RootElement.GetProperty("code").GetString()!;
}
