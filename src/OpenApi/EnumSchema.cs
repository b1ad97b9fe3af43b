using System.Globalization;
using System.Text.Json;

namespace Hybrid;

/// <summary>An enum's component schema.</summary>
internal static class EnumSchema
{
    /// <summary>
    /// An enum as the doors' serializer writes it (<see cref="WireJson"/>): names (as declared, as
    /// <c>[JsonStringEnumMemberName]</c> or an app converter's naming policy gives them) when a
    /// string converter applies, which is the default, otherwise numbers with their names in
    /// <c>x-enumNames</c> (and <c>x-enumFlags</c> for <c>[Flags]</c>), which NSwag's generators turn
    /// into enum members.
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
            // NJsonSchema's mark of a set of flags: generated clients combine the members with |, as C# does.
            if (type.IsDefined(typeof(FlagsAttribute), inherit: false))
            {
                writer.WriteBoolean("x-enumFlags", true);
            }

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
