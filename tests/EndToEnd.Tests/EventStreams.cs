using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;

namespace Hybrid.EndToEnd.Tests;

/// <summary>A stream operation called as a plain HTTP client would (curl -N): send, then read events as they come.</summary>
internal static class EventStreams
{
    /// <summary>A POST to a stream action, as the enhancement script sends it.</summary>
    public static HttpRequestMessage Action(string action, object arguments, string? lastEventId = null) =>
        With(new HttpRequestMessage(HttpMethod.Post, "/_actions/" + action) { Content = JsonContent.Create(arguments) }, "text/event-stream", lastEventId);

    /// <summary>A GET of a stream route in <paramref name="accept"/>.</summary>
    public static HttpRequestMessage Get(string path, string accept = "text/event-stream", string? lastEventId = null) =>
        With(new HttpRequestMessage(HttpMethod.Get, path), accept, lastEventId);

    /// <summary>Sends and returns once the headers are in; the body keeps streaming.</summary>
    public static Task<HttpResponseMessage> OpenAsync(HttpClient client, HttpRequestMessage request) =>
        client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

    /// <summary>Reads server-sent events until <paramref name="enough"/> says so or the stream ends; fails after 15 s.</summary>
    public static async Task<List<SseItem<string>>> ReadAsync(HttpResponseMessage response, Func<IReadOnlyList<SseItem<string>>, bool> enough)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var events = new List<SseItem<string>>();
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        await foreach (var item in SseParser.Create(body).EnumerateAsync(timeout.Token))
        {
            events.Add(item);
            if (enough(events))
            {
                break;
            }
        }

        return events;
    }

    /// <summary>The first <paramref name="count"/> items (type <c>message</c>).</summary>
    public static async Task<List<SseItem<string>>> ItemsAsync(HttpResponseMessage response, int count) =>
        (await ReadAsync(response, e => e.Count(i => i.EventType == "message") >= count)).Where(i => i.EventType == "message").ToList();

    /// <summary>Every event up to the end of the stream.</summary>
    public static Task<List<SseItem<string>>> ToEndAsync(HttpResponseMessage response) => ReadAsync(response, _ => false);

    public static JsonObject Json(this SseItem<string> item) => JsonNode.Parse(item.Data)!.AsObject();

    private static HttpRequestMessage With(HttpRequestMessage request, string accept, string? lastEventId)
    {
        request.Headers.Accept.ParseAdd(accept);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        return request;
    }
}
