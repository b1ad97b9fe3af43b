using System.Text.Encodings.Web;
using System.Text.Json;

namespace Hybrid;

/// <summary>
/// Writes one OpenAPI 3.0 document straight to UTF-8 with <see cref="Utf8JsonWriter"/>: no document
/// model, no intermediate string. Indented with two spaces and <c>\n</c> line ends, so that the same
/// catalog always gives the same bytes on every platform.
/// </summary>
internal sealed class DocumentJson : IDisposable
{
    private readonly DocumentBytes _buffer = new();

    public DocumentJson()
    {
        Writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",

            // The document is served as application/json, never inlined in HTML: keep text readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    }

    private static readonly JsonEncodedText ProblemReference = JsonEncodedText.Encode("#/components/schemas/" + DocumentSchemas.ProblemName);

    public Utf8JsonWriter Writer { get; }

    /// <summary>Starts the document: <c>openapi</c> and <c>info</c>, then leaves the root object open.</summary>
    public void Start(string title, string version, string? description)
    {
        Writer.WriteStartObject();
        Writer.WriteString("openapi", "3.0.0");
        Writer.WriteStartObject("info");
        Writer.WriteString("title", title);
        if (description is not null)
        {
            Writer.WriteString("description", description);
        }

        Writer.WriteString("version", version);
        Writer.WriteEndObject();
    }

    /// <summary>Closes the root object and returns the document's bytes.</summary>
    public DocumentBytes Finish()
    {
        Writer.WriteEndObject();
        Writer.Flush();
        _buffer.Seal();
        return _buffer;
    }

    /// <summary>A response carrying a problem as <c>application/problem+json</c>.</summary>
    public void WriteProblemResponse(string status, string description)
    {
        Writer.WriteStartObject(status);
        Writer.WriteString("description", description);
        Writer.WriteStartObject("content");
        Writer.WritePropertyName("application/problem+json");
        Writer.WriteStartObject();
        Writer.WritePropertyName("schema");
        DocumentSchemas.WriteReference(Writer, ProblemReference);
        Writer.WriteEndObject();
        Writer.WriteEndObject();
        Writer.WriteEndObject();
    }

    /// <summary>A success response carrying <paramref name="type"/> as JSON, or no content for 204 and <c>Unit</c>.</summary>
    public void WriteSuccessResponse(DocumentSchemas schemas, Type type, int status, bool withLocation)
    {
        Writer.WriteStartObject(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Writer.WriteString("description", status switch { 201 => "Created", 202 => "Accepted", 204 => "No Content", _ => "OK" });
        if (withLocation)
        {
            Writer.WriteStartObject("headers");
            Writer.WriteStartObject("Location");
            Writer.WriteString("description", "The created resource.");
            Writer.WriteStartObject("schema");
            Writer.WriteString("type", "string");
            Writer.WriteEndObject();
            Writer.WriteEndObject();
            Writer.WriteEndObject();
        }

        if (status != 204 && type != typeof(MediatR.Unit))
        {
            WriteJsonContent(w => schemas.WriteType(w, type));
        }

        Writer.WriteEndObject();
    }

    /// <summary><c>"content": { "application/json": { "schema": ... } }</c>.</summary>
    public void WriteJsonContent(Action<Utf8JsonWriter> schema) => WriteContent("application/json", schema);

    /// <summary><c>"content": { mediaType: { "schema": ... } }</c>.</summary>
    public void WriteContent(string mediaType, Action<Utf8JsonWriter> schema)
    {
        Writer.WriteStartObject("content");
        Writer.WritePropertyName(mediaType);
        Writer.WriteStartObject();
        Writer.WritePropertyName("schema");
        schema(Writer);
        Writer.WriteEndObject();
        Writer.WriteEndObject();
    }

    public void Dispose() => Writer.Dispose();
}
