using System.Text.Json;

namespace Hybrid.Clients;

/// <summary>
/// A schema as the comparison sees it: its reference resolved and its <c>allOf</c> parts merged into one
/// set of keywords, as are one-entry <c>oneOf</c>/<c>anyOf</c> wrappers (OpenAPI 3.0 ignores a
/// reference's siblings, so Hybrid wraps a reference to make it nullable or described). Member, item and
/// subtype schemas stay JSON until the comparison reaches them, so a recursive schema is never unfolded.
/// </summary>
/// <remarks>
/// A large document has a hundred thousand of these, most of them one typed property: each schema is read
/// in one pass over its members, and collections are made only for keywords it has.
/// </remarks>
internal sealed partial class SchemaShape
{
    // allOf can only nest as deep as the JSON itself; the limit stops a pathological document, not a real one.
    private const int MaxDepth = 64;

    private static readonly Dictionary<string, List<JsonElement>> NoProperties = [];

    private Dictionary<string, List<JsonElement>>? _properties;
    private HashSet<string>? _required;
    private List<JsonElement>? _items;
    private List<JsonElement>? _additional;
    private List<string>? _enum;
    private HashSet<string>? _enumSet;

    private SchemaShape(string? key) => Key = key;

    /// <summary>
    /// The reference this shape stands for (a bare <c>$ref</c>, or a wrapper around one), so the comparison
    /// can compare a pair of components once; null for an inline schema.
    /// </summary>
    public string? Key { get; }

    /// <summary>The JSON type, or null for any (inferred as object or array from the keywords when absent).</summary>
    public string? Type { get; private set; }

    /// <summary>The format, or null.</summary>
    public string? Format { get; private set; }

    /// <summary>Whether null is a value of the schema.</summary>
    public bool Nullable { get; private set; }

    /// <summary>The allowed values in document order, or null when any value of the type is allowed.</summary>
    public IReadOnlyList<string>? Enum => _enum;

    /// <summary>Each property's schema parts (several when <c>allOf</c> parts declare the same property).</summary>
    public IReadOnlyDictionary<string, List<JsonElement>> Properties => _properties ?? NoProperties;

    /// <summary>The array items' schema parts.</summary>
    public IReadOnlyList<JsonElement> Items => _items ?? [];

    /// <summary>The schema parts of a dictionary's values (<c>additionalProperties</c> as a schema).</summary>
    public IReadOnlyList<JsonElement> AdditionalProperties => _additional ?? [];

    /// <summary><c>additionalProperties</c> as a boolean, or null when it is absent or a schema.</summary>
    public bool? AdditionalAllowed { get; private set; }

    /// <summary>A discriminator's values and the references they map to, or null.</summary>
    public Dictionary<string, string>? Subtypes { get; private set; }

    /// <summary>Whether the property <paramref name="name"/> is required.</summary>
    public bool IsRequired(string name) => _required is not null && _required.Contains(name);

    /// <summary>Whether <paramref name="value"/> is one of the allowed values.</summary>
    public bool Allows(string value) => _enumSet is null || _enumSet.Contains(value);

    /// <summary>Merges <paramref name="parts"/> (all must hold) of <paramref name="document"/> into one shape.</summary>
    public static SchemaShape Of(ContractDocument document, IReadOnlyList<JsonElement> parts, string? key)
    {
        var shape = new SchemaShape(key);
        var nullable = parts.Count > 0;
        foreach (var part in parts)
        {
            nullable &= shape.Absorb(document, part, 0);
        }

        shape.Nullable = nullable;
        shape.Type ??= shape._properties is not null || shape._additional is not null ? "object" : shape._items is not null ? "array" : null;
        return shape;
    }

    /// <summary>
    /// The reference <paramref name="schema"/> stands for: its own <c>$ref</c>, or the one reference a
    /// wrapper holds when it adds nothing but nullability or documentation.
    /// </summary>
    public static string? KeyOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? only = null;
        var parts = 0;
        foreach (var member in schema.EnumerateObject())
        {
            if (member.NameEquals("$ref"u8))
            {
                return member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString() : null;
            }

            if (member.NameEquals("allOf"u8) || member.NameEquals("oneOf"u8) || member.NameEquals("anyOf"u8))
            {
                foreach (var part in member.Value.ValueKind == JsonValueKind.Array ? member.Value.EnumerateArray() : default)
                {
                    parts++;
                    only = JsonMembers.String(part, "$ref");
                }
            }
            else if (member.NameEquals("type"u8) || member.NameEquals("format"u8) || member.NameEquals("enum"u8) || member.NameEquals("properties"u8)
                || member.NameEquals("items"u8) || member.NameEquals("additionalProperties"u8))
            {
                return null;
            }
        }

        return parts == 1 ? only : null;
    }

    private void MergeFrom(SchemaShape other)
    {
        Type ??= other.Type;
        Format ??= other.Format;
        if (other._enum is not null)
        {
            IntersectEnum(other._enum);
        }

        if (other._properties is not null)
        {
            _properties ??= new Dictionary<string, List<JsonElement>>(StringComparer.Ordinal);
            foreach (var (name, parts) in other._properties)
            {
                PartsOf(name).AddRange(parts);
            }
        }

        if (other._required is not null)
        {
            (_required ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(other._required);
        }

        if (other._items is not null)
        {
            (_items ??= []).AddRange(other._items);
        }

        if (other._additional is not null)
        {
            (_additional ??= []).AddRange(other._additional);
        }

        AdditionalAllowed = other.AdditionalAllowed == false ? false : AdditionalAllowed ?? other.AdditionalAllowed;
    }

    private List<JsonElement> PartsOf(string property)
    {
        if (!_properties!.TryGetValue(property, out var parts))
        {
            parts = [];
            _properties[property] = parts;
        }

        return parts;
    }

    private void IntersectEnum(List<string> values)
    {
        _enum = _enumSet is null ? values : [.. values.Where(_enumSet.Contains)];
        _enumSet = new HashSet<string>(_enum, StringComparer.Ordinal);
    }
}
