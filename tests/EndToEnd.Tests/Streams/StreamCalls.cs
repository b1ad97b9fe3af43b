using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;

namespace Hybrid.EndToEnd.Tests;

/// <summary>What one connection of a stream answered: its status and the events it carried before it ended or was cut.</summary>
internal sealed record StreamAnswer(HttpStatusCode Status, IReadOnlyList<SseItem<string>> Events)
{
    public IEnumerable<SseItem<string>> Items => Events.Where(e => e.EventType == "message");

    public string? LastId => Events.LastOrDefault(e => e.EventId is { Length: > 0 }).EventId;
}

/// <summary>Calls a stream operation as a client does, through either door, parsing the events with <see cref="SseParser"/>.</summary>
internal static class StreamCalls
{
    public static HttpRequestMessage Action(string id, object body) =>
        new(HttpMethod.Post, "/_actions/" + id) { Content = JsonContent.Create(body) };

    public static HttpRequestMessage Rest(string pathAndQuery) => new(HttpMethod.Get, pathAndQuery);

    /// <summary>
    /// Sends <paramref name="request"/> with <c>Last-Event-ID</c> when given and reads its events; after
    /// <paramref name="cutAfterItems"/> items it closes the response, as a client that lost its network.
    /// </summary>
    public static async Task<StreamAnswer> ReadAsync(HttpClient client, HttpRequestMessage request, string? lastEventId = null, int? cutAfterItems = null)
    {
        using (request)
        {
            request.Headers.Accept.ParseAdd("text/event-stream");
            if (lastEventId is not null)
            {
                request.Headers.Add("Last-Event-ID", lastEventId);
            }

            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var events = new List<SseItem<string>>();
            var items = 0;
            await using var body = await response.Content.ReadAsStreamAsync();
            await foreach (var item in SseParser.Create(body).EnumerateAsync())
            {
                events.Add(item);
                if (item.EventType == "message" && ++items == cutAfterItems)
                {
                    break;
                }
            }

            return new StreamAnswer(response.StatusCode, events);
        }
    }
}
