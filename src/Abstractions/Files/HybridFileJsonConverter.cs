using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hybrid;

/// <summary>
/// Keeps System.Text.Json from ever building a <see cref="HybridFile"/>: a file member in a JSON
/// body, even <c>null</c>, is a field error naming it. Writing one (a response or a log that holds
/// the request) writes what is known about it, never its content.
/// </summary>
internal sealed class HybridFileJsonConverter : JsonConverter<HybridFile>
{
    public const string InJson = "A file cannot be sent in JSON: send the request as multipart/form-data with a file part of this name.";

    public override bool HandleNull => true;

    public override HybridFile Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new JsonException(InJson);

    public override void Write(Utf8JsonWriter writer, HybridFile value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("fileName", value.FileName);
        writer.WriteString("contentType", value.ContentType);
        writer.WriteNumber("length", value.Length);
        writer.WriteEndObject();
    }
}
