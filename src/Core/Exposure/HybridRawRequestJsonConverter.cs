using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hybrid;

/// <summary>
/// Keeps <see cref="HybridRawRequest"/> out of JSON: request bodies are read without the member
/// (<see cref="RequestJson"/>), so a body naming it names an unknown member; any other reading skips
/// the value (the door sets the member from what it read), and it is written as null.
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
