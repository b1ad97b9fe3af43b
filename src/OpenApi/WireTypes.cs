using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hybrid;

/// <summary>What a CLR type is on the wire, as System.Text.Json writes it by default.</summary>
internal enum WireKind
{
    /// <summary>Anything: <see cref="object"/>, <see cref="JsonElement"/>, <see cref="JsonNode"/>.</summary>
    Any,

    /// <summary>A JSON string, number or boolean, with an OpenAPI <c>type</c> and <c>format</c>.</summary>
    Primitive,

    /// <summary>An enum: a component of its own.</summary>
    Enum,

    /// <summary>A JSON array of <see cref="WireTypes.ItemOf"/>.</summary>
    Array,

    /// <summary>A JSON object keyed by strings, values of <see cref="WireTypes.ItemOf"/>.</summary>
    Dictionary,

    /// <summary>An object with properties: a component of its own.</summary>
    Object,
}

/// <summary>
/// Classifies types for the documents: primitives with the <c>type</c>/<c>format</c> pairs the NSwag
/// TypeScript generator maps (so generated clients keep their types), collections, dictionaries,
/// enums and objects.
/// </summary>
internal static class WireTypes
{
    private static readonly Dictionary<Type, (string Type, string? Format)> Primitives = new()
    {
        [typeof(string)] = ("string", null),
        [typeof(char)] = ("string", null),
        [typeof(bool)] = ("boolean", null),
        [typeof(byte)] = ("integer", "int32"),
        [typeof(sbyte)] = ("integer", "int32"),
        [typeof(short)] = ("integer", "int32"),
        [typeof(ushort)] = ("integer", "int32"),
        [typeof(int)] = ("integer", "int32"),
        [typeof(uint)] = ("integer", "int64"),
        [typeof(long)] = ("integer", "int64"),
        [typeof(ulong)] = ("integer", "int64"),
        [typeof(Int128)] = ("integer", null),
        [typeof(UInt128)] = ("integer", null),
        [typeof(System.Numerics.BigInteger)] = ("integer", null),
        [typeof(Half)] = ("number", "float"),
        [typeof(float)] = ("number", "float"),
        [typeof(double)] = ("number", "double"),
        [typeof(decimal)] = ("number", "decimal"),
        [typeof(DateTime)] = ("string", "date-time"),
        [typeof(DateTimeOffset)] = ("string", "date-time"),
        [typeof(DateOnly)] = ("string", "date"),
        [typeof(TimeOnly)] = ("string", "time"),
        [typeof(TimeSpan)] = ("string", "duration"),
        [typeof(Guid)] = ("string", "guid"),
        [typeof(Uri)] = ("string", "uri"),
        [typeof(byte[])] = ("string", "byte"),
        [typeof(Version)] = ("string", null),
        [typeof(HybridFile)] = ("string", "binary"),
    };

    public static WireKind KindOf(Type type)
    {
        if (Primitives.ContainsKey(type))
        {
            return WireKind.Primitive;
        }

        if (type.IsEnum)
        {
            return WireKind.Enum;
        }

        if (type == typeof(object) || type == typeof(JsonElement) || type == typeof(JsonDocument) || typeof(JsonNode).IsAssignableFrom(type))
        {
            return WireKind.Any;
        }

        if (DictionaryValueOf(type) is not null)
        {
            return WireKind.Dictionary;
        }

        return SimpleTypes.IsCollection(type) ? WireKind.Array : WireKind.Object;
    }

    /// <summary>The OpenAPI <c>type</c> and <c>format</c> of a primitive.</summary>
    public static (string Type, string? Format) PrimitiveOf(Type type) => Primitives[type];

    /// <summary>The element of an array or collection, or the value of a dictionary.</summary>
    public static Type ItemOf(Type type)
    {
        if (DictionaryValueOf(type) is { } value)
        {
            return value;
        }

        if (type.IsArray)
        {
            return type.GetElementType()!;
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0] ?? typeof(object);
    }

    private static Type? DictionaryValueOf(Type type)
    {
        if (type == typeof(string) || !typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        foreach (var candidate in type.IsInterface ? [type, .. type.GetInterfaces()] : type.GetInterfaces())
        {
            if (candidate.IsGenericType &&
                (candidate.GetGenericTypeDefinition() == typeof(IDictionary<,>) || candidate.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)))
            {
                return candidate.GetGenericArguments()[1];
            }
        }

        return null;
    }

    /// <summary>A component name for a type: its name, generic arguments joined in (<c>PageOfThing</c>).</summary>
    public static string NameOf(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return (tick >= 0 ? name[..tick] : name) + "Of" + string.Join("And", type.GetGenericArguments().Select(NameOf));
    }
}
