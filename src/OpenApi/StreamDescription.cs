using System.Text.Json;

namespace Hybrid;

/// <summary>
/// How both documents describe a stream operation (docs/rest.md, Streams): a 200 whose event-stream
/// (and, on the REST door, JSON Lines) content is an array of the item, a 204 for a resumed stream with
/// nothing after the client's position, and the <c>x-hybrid-stream</c> extension that names the item,
/// the resume mode, the heartbeat, the clients' timeout and each event's data.
/// </summary>
internal static class StreamDescription
{
    /// <summary>The operation extension generated clients read a stream from.</summary>
    public const string Extension = "x-hybrid-stream";

    /// <summary>The type a document describes as the operation's result: a stream's item, else the response.</summary>
    public static Type ResultOf(HybridOperation operation) => operation.ItemType ?? operation.ResponseType;

    /// <summary>The success answers: 200 with the item as an array in each format, and the 204 of a resume past the end.</summary>
    public static void WriteSuccess(DocumentJson document, DocumentSchemas schemas, Type item, bool jsonLines)
    {
        var writer = document.Writer;
        writer.WriteStartObject("200");
        writer.WriteString("description", $"OK: the items, one event each, then one end event ({Extension} lists the events).");
        Action<Utf8JsonWriter> array = w => WriteArray(w, schemas, item);
        if (jsonLines)
        {
            document.WriteContents((StreamFormats.EventStream, array), (StreamFormats.JsonLines, array));
        }
        else
        {
            document.WriteContent(StreamFormats.EventStream, array);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("204");
        writer.WriteString("description", "No Content: a reconnect with Last-Event-ID to a stream that has nothing after that id; it is over for this client.");
        writer.WriteEndObject();
    }

    /// <summary>Writes <c>x-hybrid-stream</c> (docs/rest.md shows it whole).</summary>
    public static void WriteExtension(Utf8JsonWriter writer, DocumentSchemas schemas, Type item, StreamSettings settings, HybridStreamOptions app)
    {
        writer.WriteStartObject(Extension);
        writer.WritePropertyName("item");
        schemas.WriteType(writer, item);
        writer.WriteString("resume", settings.Resume == StreamResume.Log ? "log" : "replay");
        writer.WriteNumber("heartbeatSeconds", settings.Heartbeat.TotalSeconds);
        writer.WriteNumber("clientTimeoutSeconds", app.ClientTimeout.TotalSeconds);
        writer.WriteStartObject("events");
        writer.WriteStartObject("done");
        writer.WriteString("type", "object");
        writer.WriteStartObject("properties");
        writer.WriteStartObject("value");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        foreach (var problem in (string[])["error", "reset", "auth_expired"])
        {
            writer.WritePropertyName(problem);
            DocumentSchemas.WriteReference(writer, DocumentSchemas.ProblemName);
        }

        writer.WriteStartObject("reconnect");
        writer.WriteString("type", "object");
        writer.WriteStartObject("properties");
        writer.WriteStartObject("reason");
        writer.WriteString("type", "string");
        writer.WriteStartArray("enum");
        writer.WriteStringValue("max_duration");
        writer.WriteStringValue("shutdown");
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter writer, DocumentSchemas schemas, Type item)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "array");
        writer.WritePropertyName("items");
        schemas.WriteType(writer, item);
        writer.WriteEndObject();
    }
}
