using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Hybrid.Forms;

/// <summary>
/// Reads one field value of a simple type through Core's one value parser, and writes it as the
/// JSON the app's serializer would write for it, which that serializer then reads back into the
/// request: so a form value and the same value in a JSON body end up as the same member value.
/// </summary>
internal abstract class ValueReader
{
    public abstract bool TryRead(string raw, out JsonNode? node);

    public static ValueReader Create(Type type, JsonSerializerOptions json) =>
        (ValueReader)Activator.CreateInstance(typeof(Typed<>).MakeGenericType(type), json)!;

    private sealed class Typed<TValue>(JsonSerializerOptions json) : ValueReader
    {
        private readonly TryParser<TValue> _parse = ValueParsers.For<TValue>(json);
        private readonly JsonTypeInfo<TValue> _info = (JsonTypeInfo<TValue>)json.GetTypeInfo(typeof(TValue));

        public override bool TryRead(string raw, out JsonNode? node)
        {
            node = null;
            if (!_parse(raw, out var value))
            {
                return false;
            }

            node = JsonSerializer.SerializeToNode(value, _info);
            return true;
        }
    }
}
