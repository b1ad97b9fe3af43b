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

    public Utf8JsonWriter Writer { get; }

    /// <summary>Starts the document: <c>openapi</c>, <c>info</c> and <c>servers</c>, then leaves the root object open.</summary>
    public void Start(string title, string version, string? description, HybridOptions options)
    {
        Writer.WriteStartObject();
        Writer.WriteString("openapi", "3.0.0");
        Writer.WriteStartObject("info");
        Writer.WriteString("title", title);
        if (description is not null)
        {
            Writer.WriteString("description", description);
        }

        if (options.Contact is { } contact)
        {
            Writer.WriteStartObject("contact");
            WriteOptional("name", contact.Name);
            WriteOptional("url", contact.Url);
            WriteOptional("email", contact.Email);
            Writer.WriteEndObject();
        }

        Writer.WriteString("version", version);
        Writer.WriteEndObject();
        if (options.Servers.Count > 0)
        {
            Writer.WriteStartArray("servers");
            foreach (var server in options.Servers)
            {
                Writer.WriteStartObject();
                Writer.WriteString("url", server.Url);
                WriteOptional("description", server.Description);
                Writer.WriteEndObject();
            }

            Writer.WriteEndArray();
        }
    }

    /// <summary>The top-level <c>tags</c>: every tag an operation uses, each with its description.</summary>
    public void WriteTags(IEnumerable<(string Name, string Description)> tags)
    {
        Writer.WriteStartArray("tags");
        foreach (var (name, description) in tags)
        {
            Writer.WriteStartObject();
            Writer.WriteString("name", name);
            Writer.WriteString("description", description);
            Writer.WriteEndObject();
        }

        Writer.WriteEndArray();
    }

    /// <summary>Closes the root object and returns the document's bytes.</summary>
    public DocumentBytes WriteEnd()
    {
        Writer.WriteEndObject();
        Writer.Flush();
        _buffer.Seal();
        return _buffer;
    }

    /// <summary>A response carrying a problem as <c>application/problem+json</c>, its schema the named component.</summary>
    public void WriteProblemResponse(string status, string description, string schema, bool withRetryAfter)
    {
        Writer.WriteStartObject(status);
        Writer.WriteString("description", description);
        if (withRetryAfter)
        {
            Writer.WriteStartObject("headers");
            WriteHeader("Retry-After", "Seconds to wait before trying again.", "integer");
            Writer.WriteEndObject();
        }

        Writer.WriteStartObject("content");
        Writer.WritePropertyName("application/problem+json");
        Writer.WriteStartObject();
        Writer.WritePropertyName("schema");
        DocumentSchemas.WriteReference(Writer, schema);
        Writer.WriteEndObject();
        Writer.WriteEndObject();
        Writer.WriteEndObject();
    }

    /// <summary>One entry of a response's <c>headers</c>.</summary>
    public void WriteHeader(string name, string description, string type = "string")
    {
        Writer.WriteStartObject(name);
        Writer.WriteString("description", description);
        Writer.WriteStartObject("schema");
        Writer.WriteString("type", type);
        Writer.WriteEndObject();
        Writer.WriteEndObject();
    }

    /// <summary>A success response carrying <paramref name="type"/> as JSON, or no content for 204 and <c>Unit</c>, with the headers it always carries.</summary>
    public void WriteSuccessResponse(DocumentSchemas schemas, Type type, int status, IReadOnlyList<(string Name, string Description)> headers)
    {
        Writer.WriteStartObject(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Writer.WriteString("description", status switch { 201 => "Created", 202 => "Accepted", 204 => "No Content", _ => "OK" });
        if (headers.Count > 0)
        {
            Writer.WriteStartObject("headers");
            foreach (var (name, description) in headers)
            {
                WriteHeader(name, description);
            }

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
    public void WriteContent(string mediaType, Action<Utf8JsonWriter> schema) => WriteContents((mediaType, schema));

    /// <summary><c>"content"</c> with one entry per media type, in the order given.</summary>
    public void WriteContents(params ReadOnlySpan<(string MediaType, Action<Utf8JsonWriter> Schema)> contents)
    {
        Writer.WriteStartObject("content");
        foreach (var (mediaType, schema) in contents)
        {
            Writer.WritePropertyName(mediaType);
            Writer.WriteStartObject();
            Writer.WritePropertyName("schema");
            schema(Writer);
            Writer.WriteEndObject();
        }

        Writer.WriteEndObject();
    }

    /// <summary>
    /// A request body that may carry files: <c>multipart/form-data</c>, and <c>application/json</c>
    /// too (the request without its files) unless a file is required, which JSON cannot carry.
    /// </summary>
    public void WriteFileBody(bool jsonToo, Action<Utf8JsonWriter> json, Action<Utf8JsonWriter> multipart)
    {
        if (jsonToo)
        {
            WriteContents(("application/json", json), ("multipart/form-data", multipart));
        }
        else
        {
            WriteContent("multipart/form-data", multipart);
        }
    }

    public void Dispose() => Writer.Dispose();

    private void WriteOptional(string name, string? value)
    {
        if (value is not null)
        {
            Writer.WriteString(name, value);
        }
    }
}
