using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hybrid;

/// <summary>
/// Keeps <see cref="HybridRawRequest"/> out of JSON: a value a client sends for it is skipped (the
/// door sets the member from what it read), and it is written as null.
/// </summary>
internal sealed class HybridRawRequestJsonConverter : JsonConverter<HybridRawRequest>
{
    public override HybridRawRequest? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        reader.Skip();
        return null;
    }

    public override void Write(Utf8JsonWriter writer, HybridRawRequest value, JsonSerializerOptions options) => writer.WriteNullValue();
}
