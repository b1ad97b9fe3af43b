using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace Hybrid.Benchmarks;

/// <summary>
/// The streams benchmark's client side (streams.sh runs it as its own process): how each variant is
/// requested and read. Every event stream, Hybrid's and the baseline's, is read by .NET's
/// <see cref="SseParser"/> with the same item parser, so the client costs the same whichever it reads.
/// </summary>
public static class StreamsClient
{
    /// <summary>The hand-written minimal API: the same MediatR stream behind <c>TypedResults.ServerSentEvents</c>.</summary>
    public const string Baseline = "baseline";

    /// <summary>What each variant is, as the reports name it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [Baseline] = "minimal API, TypedResults.ServerSentEvents(sender.CreateStream(...))",
        ["action"] = "Hybrid action door, POST /_actions/BenchTicks (SSE, log)",
        ["rest-sse"] = "Hybrid REST door, GET (SSE, log)",
        ["rest-jsonl"] = "Hybrid REST door, GET (JSON Lines, log)",
        ["rest-replay"] = "Hybrid REST door, GET (SSE, replay: no log)",
    };

    // An item is an event of the default type; Hybrid's terminal `done` is not one (-1).
    private static readonly SseItemParser<long> ParseAt = static (type, data) => type == SseParser.EventTypeDefault ? At(data) : -1;
    private static readonly SseItemParser<long> CountOnly = static (type, _) => type == SseParser.EventTypeDefault ? 0 : -1;

    public static HttpClient Create(string url) =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxResponseDrainSize = 0, ConnectTimeout = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(60),
        };

    public static HttpRequestMessage Request(string variant, int count, int intervalMs)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"?count={count}&intervalMs={intervalMs}");
        var request = variant switch
        {
            Baseline => new HttpRequestMessage(HttpMethod.Get, "/baseline/stream/ticks" + query),
            "action" => new HttpRequestMessage(HttpMethod.Post, "/_actions/BenchTicks") { Content = JsonContent.Create(new { count, intervalMs }) },
            "rest-sse" or "rest-jsonl" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/stream/ticks" + query),
            "rest-replay" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/stream/ticks-replay" + query),
            _ => throw new ArgumentException($"Unknown variant '{variant}'; one of {string.Join(", ", Names.Keys)}.", nameof(variant)),
        };
        request.Headers.Accept.ParseAdd(variant == "rest-jsonl" ? "application/jsonl" : "text/event-stream");
        return request;
    }

    /// <summary>Opens one stream of <paramref name="variant"/> and hands each item's timestamp (or 0 when not parsed) to <paramref name="item"/>.</summary>
    public static async Task ReadAsync(HttpClient client, string variant, int count, int intervalMs, bool parse, Action<long> item, CancellationToken cancellationToken)
    {
        using var request = Request(variant, count, intervalMs);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        if (variant == "rest-jsonl")
        {
            await ReadLinesAsync(body, parse, item, cancellationToken);
            return;
        }

        var parser = SseParser.Create(body, parse ? ParseAt : CountOnly);
        await foreach (var e in parser.EnumerateAsync(cancellationToken))
        {
            if (e.Data >= 0)
            {
                item(e.Data);
            }
        }
    }

    private static async Task ReadLinesAsync(Stream body, bool parse, Action<long> item, CancellationToken cancellationToken)
    {
        var reader = PipeReader.Create(body);
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var consumed = Lines(result.Buffer, parse, item);
            reader.AdvanceTo(consumed, result.Buffer.End);
            if (result.IsCompleted)
            {
                await reader.CompleteAsync();
                return;
            }
        }
    }

    private static SequencePosition Lines(ReadOnlySequence<byte> buffer, bool parse, Action<long> item)
    {
        var lines = new SequenceReader<byte>(buffer);
        while (lines.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n'))
        {
            ReadOnlySpan<byte> bytes = line.IsSingleSegment ? line.FirstSpan : line.ToArray();
            if (bytes.StartsWith("{\"type\":\"item\""u8))
            {
                item(parse ? At(bytes) : 0);
            }
        }

        return lines.Position;
    }

    /// <summary>The first <c>at</c> member in the JSON: the item's own (SSE data) or inside the record's <c>data</c> (JSON Lines).</summary>
    private static long At(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("at"u8) && reader.Read())
            {
                return reader.GetInt64();
            }
        }

        throw new InvalidDataException("An item without its timestamp: " + System.Text.Encoding.UTF8.GetString(json));
    }

    public static double Percentile(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static int Number(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
