using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Hybrid;

/// <summary>
/// The schemas of one document. A document first says which types it uses (<see cref="Use"/>),
/// which walks everything they reach once per type; <see cref="Seal"/> then names the components
/// (<see cref="ComponentNames"/>), and writing refers to them by <c>$ref</c>. Member names and nullability come from the
/// request shape the doors bind with, so a document names properties exactly as the doors read and
/// write them.
/// </summary>
internal sealed partial class DocumentSchemas
{
    /// <summary>The component every failure response refers to.</summary>
    public const string ProblemName = "ProblemDetails";

    private readonly JsonSerializerOptions _json;
    private readonly XmlDocs _docs;

    private readonly Dictionary<Type, Component> _components = [];
    private readonly Dictionary<string, Action<Utf8JsonWriter>> _extra = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);
    private readonly NullabilityReader _nullability;
    private readonly RequiredMembers _required;
    private ComponentNames? _names;

    public DocumentSchemas(JsonSerializerOptions json, XmlDocs docs)
    {
        _json = json;
        _docs = docs;
        _nullability = new NullabilityReader();
        _required = new RequiredMembers(json, _nullability);
    }

    /// <summary>Records that the document uses <paramref name="type"/>, as a response (every property present) or not.</summary>
    public void Use(Type type, bool response, RequestShape? shape = null)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(MediatR.Unit))
        {
            return; // No content: nothing to describe.
        }

        switch (WireTypes.KindOf(type))
        {
            case WireKind.Array or WireKind.Dictionary:
                Use(WireTypes.ItemOf(type), response);
                return;
            case WireKind.Enum:
                _components.TryAdd(type, new Component(type, []));
                return;
            case WireKind.Object:
                break;
            default:
                return;
        }

        if (_components.TryGetValue(type, out var known))
        {
            if (response && !known.IsResponse)
            {
                known.IsResponse = true;
                foreach (var member in known.Members)
                {
                    Use(member.Type, response: true);
                }
            }

            return;
        }

        var component = new Component(type, (shape ?? RequestShape.For(type, _json)).Members) { IsResponse = response };
        _components.Add(type, component);
        component.Polymorphism = PolymorphismOf(type);
        foreach (var member in component.Members)
        {
            Use(member.Type, response);
        }

        foreach (var derived in component.Polymorphism?.DerivedTypes ?? [])
        {
            Use(derived.DerivedType, response);
        }
    }

    /// <summary>Names every component; after this, no type can be added.</summary>
    public void Seal() => _names = new ComponentNames(_components.Keys);

    /// <summary>Adds a hand-made component under <paramref name="name"/> (numbered if taken) and returns the name given.</summary>
    public string AddComponent(string name, Action<Utf8JsonWriter> write)
    {
        var unique = Sealed.Reserve(name);
        _extra[unique] = write;
        return unique;
    }

    /// <summary>
    /// A hand-made component shared by everything that describes the same thing (<paramref name="key"/>):
    /// added under <paramref name="name"/> the first time, its name returned every time after.
    /// </summary>
    public string SharedComponent(string name, string key, Action<Utf8JsonWriter> write)
    {
        if (!_shared.TryGetValue(key, out var unique))
        {
            _shared[key] = unique = AddComponent(name, write);
        }

        return unique;
    }

    /// <summary>Writes the schema of a whole type: a <c>$ref</c> for objects and enums.</summary>
    public void WriteType(Utf8JsonWriter writer, Type type) => WriteSchema(writer, type, nullable: false, property: null, description: null, _json.NumberHandling);

    /// <summary>Writes the schema of one member, with its nullability, its DataAnnotations and its documentation.</summary>
    public void WriteMember(Utf8JsonWriter writer, RequestMember member, bool withDescription = true) =>
        WriteSchema(writer, member.Type, IsNullable(member), member.Property, withDescription ? _docs.Of(member.Property) : null, NumberHandlingOf(member.Property));

    /// <summary>
    /// Writes a <c>multipart/form-data</c> body's schema inline: one property per member, files as
    /// <c>{"type":"string","format":"binary"}</c> (a list of files as an array of them), which
    /// NSwag's generators turn into file parameters, and every other member as in JSON: objects and
    /// lists of objects by their components. The form binder takes such a member as indexed fields
    /// (<c>sections[0].heading</c>) or as one field holding its JSON, which is what OpenAPI's default
    /// encoding of an object property (<c>application/json</c>) sends, so no <c>encoding</c> is written.
    /// </summary>
    public void WriteMultipart(Utf8JsonWriter writer, IReadOnlyList<RequestMember> members)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "object");
        var required = members.Where(IsRequired).ToList();
        if (required.Count > 0)
        {
            writer.WriteStartArray("required");
            foreach (var member in required)
            {
                writer.WriteStringValue(member.JsonName);
            }

            writer.WriteEndArray();
        }

        writer.WriteStartObject("properties");
        foreach (var member in members)
        {
            writer.WritePropertyName(member.JsonName);
            WriteMember(writer, member);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>True when a request is refused without the member (<see cref="RequiredMembers.IsRequired"/>).</summary>
    public bool IsRequired(RequestMember member) => _required.IsRequired(member);

    /// <summary>True when a JSON body can carry every member a request must have: no required member is a file.</summary>
    public bool JsonCanCarry(IEnumerable<RequestMember> members) => !members.Any(m => FileMembers.KindOf(m.Type) != FileKind.None && IsRequired(m));

    /// <summary>The XML documentation the document's descriptions come from.</summary>
    public XmlDocs Docs => _docs;

    /// <summary>The member's documentation, or null.</summary>
    public string? DescriptionOf(RequestMember member) => _docs.Of(member.Property);

    /// <summary>Writes <c>"$ref"</c> to a named component.</summary>
    public static void WriteReference(Utf8JsonWriter writer, string name) => WriteReference(writer, JsonEncodedText.Encode("#/components/schemas/" + name));

    /// <summary>Writes <c>"$ref"</c> with an encoded target (each component's is encoded once per document).</summary>
    public static void WriteReference(Utf8JsonWriter writer, JsonEncodedText target)
    {
        writer.WriteStartObject();
        writer.WriteString(RefName, target);
        writer.WriteEndObject();
    }

    private static readonly JsonEncodedText RefName = JsonEncodedText.Encode("$ref");

    private ComponentNames Sealed => _names ?? throw new InvalidOperationException("Seal the schemas before writing.");

    private IReadOnlyDictionary<Type, string> Names => Sealed.Of;

    private bool IsNullable(RequestMember member) => _nullability.IsNullable(member.Property);

    /// <summary>How the serializer writes the member's numbers: the property's <c>[JsonNumberHandling]</c>, else its type's, else the options'.</summary>
    private JsonNumberHandling NumberHandlingOf(PropertyInfo property) =>
        property.GetCustomAttribute<JsonNumberHandlingAttribute>(inherit: true)?.Handling
        ?? property.ReflectedType?.GetCustomAttribute<JsonNumberHandlingAttribute>(inherit: true)?.Handling
        ?? _json.NumberHandling;

    /// <summary>Derived types from <c>[JsonDerivedType]</c>, as the app's serializer sees them; attributes are checked first so other types cost no JSON metadata.</summary>
    private JsonPolymorphismOptions? PolymorphismOf(Type type)
    {
        if (!type.IsDefined(typeof(JsonDerivedTypeAttribute), inherit: false) && !type.IsDefined(typeof(JsonPolymorphicAttribute), inherit: false))
        {
            return null;
        }

        try
        {
            return _json.GetTypeInfo(type).PolymorphismOptions is { DerivedTypes.Count: > 0 } options ? options : null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private void WriteSchema(Utf8JsonWriter writer, Type type, bool nullable, PropertyInfo? property, string? description, JsonNumberHandling numbers)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        nullable |= underlying is not null;
        type = underlying ?? type;
        var kind = WireTypes.KindOf(type);
        if (kind is WireKind.Enum or WireKind.Object)
        {
            var name = Sealed.ReferenceTo(Names[type]);
            if (!nullable && description is null)
            {
                WriteReference(writer, name);
                return;
            }

            // OpenAPI 3.0 ignores a $ref's siblings: a nullable or described reference wraps it.
            writer.WriteStartObject();
            WriteDescription(writer, description);
            if (nullable)
            {
                writer.WriteBoolean("nullable", true);
            }

            writer.WriteStartArray("oneOf");
            WriteReference(writer, name);
            writer.WriteEndArray();
            writer.WriteEndObject();
            return;
        }

        writer.WriteStartObject();
        string? jsonType = null;
        string? format = null;
        switch (kind)
        {
            case WireKind.Primitive:
                (jsonType, format) = WireTypes.PrimitiveOf(type);

                // The app's number handling can write numbers as strings ("12.50"); the schema says what is written.
                writer.WriteString("type", jsonType is "integer" or "number" && (numbers & JsonNumberHandling.WriteAsString) != 0 ? "string" : jsonType);
                if (format is not null)
                {
                    writer.WriteString("format", format);
                }

                break;
            case WireKind.Array:
                writer.WriteString("type", "array");
                writer.WritePropertyName("items");
                WriteSchema(writer, WireTypes.ItemOf(type), nullable: false, property: null, description: null, numbers);
                break;
            case WireKind.Dictionary:
                writer.WriteString("type", "object");
                writer.WritePropertyName("additionalProperties");
                WriteSchema(writer, WireTypes.ItemOf(type), nullable: false, property: null, description: null, numbers);
                break;
        }

        WriteDescription(writer, description);
        if (nullable && kind != WireKind.Any)
        {
            writer.WriteBoolean("nullable", true);
        }

        if (property is not null)
        {
            // A file is a string on the wire only in name: no text rule applies to it.
            SchemaAnnotations.Write(writer, property, kind == WireKind.Array, format == "binary" ? null : jsonType);
        }

        writer.WriteEndObject();
    }

    internal static void WriteDescription(Utf8JsonWriter writer, string? description)
    {
        if (description is not null)
        {
            writer.WriteString("description", description);
        }
    }
}
