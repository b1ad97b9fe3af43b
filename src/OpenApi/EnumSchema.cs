using System.Globalization;
using System.Text.Json;

namespace Hybrid;

/// <summary>An enum's component schema.</summary>
internal static class EnumSchema
{
    /// <summary>
    /// An enum as the app's serializer writes it: names (after its naming policy and
    /// <c>[JsonStringEnumMemberName]</c>) when a string converter applies, otherwise numbers with
    /// their names in <c>x-enumNames</c>, which NSwag's generators turn into enum members.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, Type type, JsonSerializerOptions json, XmlDocs docs)
    {
        var values = Enum.GetValues(type).Cast<object>().Distinct().ToList();
        var written = new List<JsonElement>(values.Count);
        try
        {
            foreach (var value in values)
            {
                written.Add(JsonSerializer.SerializeToElement(value, type, json));
            }
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException)
        {
            written.Clear();
        }

        var asStrings = written.Count > 0 && written.All(w => w.ValueKind == JsonValueKind.String);
        writer.WriteStartObject();
        writer.WriteString("type", asStrings ? "string" : "integer");
        if (!asStrings)
        {
            writer.WriteString("format", Enum.GetUnderlyingType(type) == typeof(long) || Enum.GetUnderlyingType(type) == typeof(ulong) ? "int64" : "int32");
        }

        DocumentSchemas.WriteDescription(writer, docs.Of(type));
        if (!asStrings)
        {
            writer.WriteStartArray("x-enumNames");
            foreach (var value in values)
            {
                writer.WriteStringValue(Enum.GetName(type, value));
            }

            writer.WriteEndArray();
        }

        writer.WriteStartArray("enum");
        foreach (var (value, i) in values.Select((v, i) => (v, i)))
        {
            if (asStrings)
            {
                writer.WriteStringValue(written[i].GetString());
            }
            else
            {
                writer.WriteNumberValue(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
