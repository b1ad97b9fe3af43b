using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Hybrid;

/// <summary>The two wire formats of a stream: Server-Sent Events, and JSON Lines with a terminal record.</summary>
internal enum StreamFormat
{
    /// <summary><c>text/event-stream</c>.</summary>
    EventStream,

    /// <summary><c>application/jsonl</c>: one JSON record per line.</summary>
    JsonLines,
}

/// <summary>Chooses a stream's format from the request's <c>Accept</c>.</summary>
internal static class StreamFormats
{
    public const string EventStream = "text/event-stream";
    public const string JsonLines = "application/jsonl";

    /// <summary>
    /// The format the request accepts, the event stream first: none or <c>*/*</c> is the event stream,
    /// and null when <c>Accept</c> names neither (406).
    /// </summary>
    public static StreamFormat? Negotiate(HttpRequest request, bool allowJsonLines)
    {
        var accept = request.Headers.Accept;
        if (accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(accept, out var types) || types.Count == 0)
        {
            return StreamFormat.EventStream;
        }

        StreamFormat? best = null;
        double quality = 0;
        foreach (var type in types)
        {
            var q = type.Quality ?? 1;
            if (q <= 0)
            {
                continue;
            }

            StreamFormat? format = type.MediaType.Equals(EventStream, StringComparison.OrdinalIgnoreCase) || type.MatchesAllTypes || type.MediaType.Equals("text/*", StringComparison.OrdinalIgnoreCase)
                ? StreamFormat.EventStream
                : allowJsonLines && (type.MediaType.Equals(JsonLines, StringComparison.OrdinalIgnoreCase) || type.MediaType.Equals("application/x-ndjson", StringComparison.OrdinalIgnoreCase))
                    ? StreamFormat.JsonLines
                    : null;
            if (format is not null && (best is null || q > quality || (q == quality && format == StreamFormat.EventStream && !type.MatchesAllTypes)))
            {
                (best, quality) = (format, q);
            }
        }

        return best;
    }

    public static string ContentType(StreamFormat format) => format == StreamFormat.EventStream ? "text/event-stream; charset=utf-8" : "application/jsonl; charset=utf-8";
}
