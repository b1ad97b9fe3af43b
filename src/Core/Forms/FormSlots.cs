using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Hybrid.Forms;

/// <summary>
/// The slots of the types one action's forms reach, worked out on first use (most members are
/// never posted as a form) and kept for the endpoint's lifetime. A type's kind is what the app's
/// serializer makes of it (<see cref="JsonTypeInfo.Kind"/>), so a form splits into fields exactly
/// what a JSON body would write as an object or an array, and leaves to one JSON-holding field what
/// the serializer reads some other way (a converter, a dictionary, a polymorphic base).
/// </summary>
internal sealed class FormSlots
{
    private readonly ConcurrentDictionary<Type, FormSlot> _slots = new();
    private readonly JsonSerializerOptions _json;

    public FormSlots(RequestShape root, int maxDepth)
    {
        _json = root.Json;
        Root = FormSlot.Object(root);
        _slots[root.Type] = Root;
        MaxDepth = maxDepth;
    }

    public FormSlot Root { get; }

    /// <summary>The nesting limit of request bodies (<see cref="HybridOptions.MaxJsonDepth"/>), which a field name, and JSON held in a field, may not exceed.</summary>
    public int MaxDepth { get; }

    public FormSlot For(Type type) => _slots.GetOrAdd(type, static (t, self) => self.Create(t), this);

    private FormSlot Create(Type type)
    {
        if (SimpleTypes.IsSimple(type))
        {
            return FormSlot.Value(type, ValueReader.Create(type, _json));
        }

        JsonTypeInfo info;
        try
        {
            info = _json.GetTypeInfo(type);
        }
        catch (NotSupportedException)
        {
            return FormSlot.Json(type); // A source-generated context that does not know the type.
        }

        return info.Kind switch
        {
            JsonTypeInfoKind.Object when info.PolymorphismOptions is null && !type.IsAbstract && !type.IsInterface =>
                FormSlot.Object(RequestShape.For(type, _json)),
            JsonTypeInfoKind.Enumerable when info.ElementType is { } element => FormSlot.List(type, element),
            _ => FormSlot.Json(type),
        };
    }
}
