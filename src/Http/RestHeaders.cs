using System.Text.Json;

namespace Hybrid.Http;

/// <summary>
/// The headers a REST route's document states besides its members: the conditional and idempotency
/// request headers it reads, and the headers its answers carry (ETag, Location, deprecation).
/// </summary>
internal static class RestHeaders
{
    /// <summary>The request headers the route reads, as (name, required, description); a stream's GET reads no <c>If-None-Match</c>.</summary>
    public static IReadOnlyList<(string Name, bool Required, string Description)> Parameters(RestRoute route, IdempotentAttribute? idempotent, bool ifMatch, bool stream)
    {
        var headers = new List<(string, bool, string)>();
        if (route.Method == "GET" && !stream)
        {
            headers.Add(("If-None-Match", false, "An ETag from an earlier answer: 304 Not Modified while it still matches."));
        }

        if (ifMatch)
        {
            headers.Add(("If-Match", false, "The ETag of the version the change is based on: 412 when the resource has changed since."));
        }

        if (idempotent is not null)
        {
            headers.Add(("Idempotency-Key", idempotent.Required, "A unique key per intended change: a retry with the same key and payload replays the first answer."));
        }

        return headers;
    }

    /// <summary>Writes one header parameter.</summary>
    public static void WriteParameter(Utf8JsonWriter writer, (string Name, bool Required, string Description) header)
    {
        writer.WriteStartObject();
        writer.WriteString("name", header.Name);
        writer.WriteString("in", "header");
        writer.WriteString("description", header.Description);
        if (header.Required)
        {
            writer.WriteBoolean("required", true);
        }

        writer.WriteStartObject("schema");
        writer.WriteString("type", "string");
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The headers of the route's success answer.</summary>
    public static IReadOnlyList<(string Name, string Description)> OfSuccess(RestRoute route)
    {
        var headers = new List<(string, string)>();
        if (route.Method == "GET" && route.StatusCode == 200)
        {
            headers.Add(("ETag", "The strong ETag of this answer, for If-None-Match."));
        }

        if (route.Location is not null)
        {
            headers.Add(("Location", "The created resource."));
        }

        if (route.Deprecation is { } deprecation)
        {
            headers.Add(("Deprecation", "When the route was deprecated (RFC 9745)."));
            if (deprecation.Sunset is not null)
            {
                headers.Add(("Sunset", "When the route stops answering (RFC 8594)."));
            }

            if (deprecation.Successor is not null)
            {
                headers.Add(("Link", "The successor route, rel=\"successor-version\"."));
            }
        }

        return headers;
    }

    /// <summary>The 304 a GET answers when <c>If-None-Match</c> still matches.</summary>
    public static void WriteNotModified(DocumentJson document)
    {
        var writer = document.Writer;
        writer.WriteStartObject("304");
        writer.WriteString("description", "Not Modified: If-None-Match names the current ETag; no body.");
        writer.WriteStartObject("headers");
        document.WriteHeader("ETag", "The current strong ETag.");
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
