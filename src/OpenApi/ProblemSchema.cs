using System.Text.Json;

namespace Hybrid;

/// <summary>The component every failure response refers to.</summary>
internal static class ProblemSchema
{
    /// <summary>
    /// One response's problem: the shared component with <c>code</c> narrowed to the codes that
    /// response can carry, so a generated client types <c>code</c> as their union.
    /// </summary>
    public static void WriteNarrowed(Utf8JsonWriter writer, IReadOnlyList<string> codes)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("allOf");
        DocumentSchemas.WriteReference(writer, DocumentSchemas.ProblemName);
        writer.WriteStartObject();
        writer.WriteString("type", "object");
        writer.WriteStartArray("required");
        writer.WriteStringValue("code");
        writer.WriteEndArray();
        writer.WriteStartObject("properties");
        writer.WriteStartObject("code");
        writer.WriteString("type", "string");
        writer.WriteString("description", "The codes this response can carry.");
        writer.WriteStartArray("enum");
        foreach (var code in codes)
        {
            writer.WriteStringValue(code);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The RFC 9457 problem both doors answer failures with.</summary>
    public static void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "object");
        writer.WriteString("description", "An RFC 9457 problem: the same shape from both doors. Branch on 'code'.");
        writer.WriteStartArray("required");
        foreach (var name in (string[])["type", "title", "status", "code", "traceId"])
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("properties");
        Primitive(writer, "type", "string");
        Primitive(writer, "title", "string");
        Primitive(writer, "status", "integer", "int32");
        Primitive(writer, "detail", "string", nullable: true);
        Primitive(writer, "instance", "string", nullable: true);
        Primitive(writer, "code", "string", description: "Stable machine-readable code, e.g. validation_failed, not_found.");
        Primitive(writer, "traceId", "string");
        writer.WriteStartObject("errors");
        writer.WriteString("type", "object");
        writer.WriteString("description", "Field errors keyed by the JSON property name.");
        writer.WriteBoolean("nullable", true);
        writer.WriteStartObject("additionalProperties");
        writer.WriteString("type", "array");
        writer.WriteStartObject("items");
        writer.WriteString("type", "string");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();

        static void Primitive(Utf8JsonWriter writer, string name, string type, string? format = null, bool nullable = false, string? description = null)
        {
            writer.WriteStartObject(name);
            writer.WriteString("type", type);
            if (format is not null)
            {
                writer.WriteString("format", format);
            }

            DocumentSchemas.WriteDescription(writer, description);
            if (nullable)
            {
                writer.WriteBoolean("nullable", true);
            }

            writer.WriteEndObject();
        }
    }
}
