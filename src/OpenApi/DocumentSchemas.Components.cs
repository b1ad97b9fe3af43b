using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Hybrid;

/// <summary>Writing the components: each object, enum and derived type once, under its sealed name.</summary>
internal sealed partial class DocumentSchemas
{
    /// <summary>Writes every component, sorted by name, so the same catalog always gives the same bytes.</summary>
    public void WriteComponents(Utf8JsonWriter writer)
    {
        var all = new SortedDictionary<string, Action<Utf8JsonWriter>>(_extra, StringComparer.Ordinal) { [ProblemName] = ProblemSchema.Write };
        foreach (var (type, name) in Names)
        {
            var component = _components[type];
            all[name] = w => WriteComponent(w, component);
        }

        writer.WriteStartObject("schemas");
        foreach (var (name, write) in all)
        {
            writer.WritePropertyName(name);
            write(writer);
        }

        writer.WriteEndObject();
    }

    private void WriteComponent(Utf8JsonWriter writer, Component component)
    {
        if (component.Type.IsEnum)
        {
            EnumSchema.Write(writer, component.Type, _json, _docs);
            return;
        }

        var baseType = BaseComponentOf(component.Type);
        var inherited = baseType is null ? null : new HashSet<string>(_components[baseType].Members.Select(m => m.JsonName), StringComparer.Ordinal);
        writer.WriteStartObject();
        if (baseType is not null)
        {
            // A derived type of a polymorphic base: the base's members plus its own, as NSwag's generator expects.
            writer.WriteStartArray("allOf");
            WriteReference(writer, Sealed.ReferenceTo(Names[baseType]));
            writer.WriteStartObject();
        }

        writer.WriteString("type", "object");
        WriteDescription(writer, _docs.Of(component.Type));
        if (component.Polymorphism is { } polymorphism)
        {
            WriteDiscriminator(writer, polymorphism);
            if (component.Type.IsAbstract)
            {
                writer.WriteBoolean("x-abstract", true);
            }
        }

        writer.WriteBoolean("additionalProperties", component.Type.GetProperties().Any(p => p.IsDefined(typeof(JsonExtensionDataAttribute), inherit: true)));
        // A file never travels in JSON (a request's file parts are its multipart body's), so a request's JSON shape leaves it out.
        var members = component.Members
            .Where(m => (inherited is null || !inherited.Contains(m.JsonName)) && (component.IsResponse || FileMembers.KindOf(m.Type) == FileKind.None))
            .ToList();
        var required = members.Where(m => component.IsResponse ? _required.IsAlwaysWritten(m) : IsRequired(m)).Select(m => m.JsonName).ToList();
        if (component.Polymorphism is { } withDiscriminator)
        {
            required.Insert(0, withDiscriminator.TypeDiscriminatorPropertyName);
        }

        if (required.Count > 0)
        {
            writer.WriteStartArray("required");
            foreach (var name in required)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
        }

        if (members.Count > 0 || component.Polymorphism is not null)
        {
            writer.WriteStartObject("properties");
            if (component.Polymorphism is { } discriminated)
            {
                writer.WriteStartObject(discriminated.TypeDiscriminatorPropertyName);
                writer.WriteString("type", "string");
                writer.WriteEndObject();
            }

            foreach (var member in members)
            {
                writer.WritePropertyName(member.JsonName);
                WriteMember(writer, member);
            }

            writer.WriteEndObject();
        }

        if (baseType is not null)
        {
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private void WriteDiscriminator(Utf8JsonWriter writer, JsonPolymorphismOptions polymorphism)
    {
        writer.WriteStartObject("discriminator");
        writer.WriteString("propertyName", polymorphism.TypeDiscriminatorPropertyName);
        writer.WriteStartObject("mapping");
        foreach (var derived in polymorphism.DerivedTypes)
        {
            var value = derived.TypeDiscriminator switch
            {
                string text => text,
                int number => number.ToString(CultureInfo.InvariantCulture),
                _ => Names[derived.DerivedType],
            };
            writer.WriteString(value, "#/components/schemas/" + Names[derived.DerivedType]);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The polymorphic component <paramref name="type"/> is declared as a derived type of, if any.</summary>
    private Type? BaseComponentOf(Type type)
    {
        for (var candidate = type.BaseType; candidate is not null && candidate != typeof(object); candidate = candidate.BaseType)
        {
            if (_components.TryGetValue(candidate, out var component) && component.Polymorphism is { } polymorphism &&
                polymorphism.DerivedTypes.Any(d => d.DerivedType == type))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>One object or enum type the document uses, with the members it is written with.</summary>
    private sealed class Component(Type type, IReadOnlyList<RequestMember> members)
    {
        public Type Type { get; } = type;

        public IReadOnlyList<RequestMember> Members { get; } = members;

        public bool IsResponse { get; set; }

        public JsonPolymorphismOptions? Polymorphism { get; set; }
    }
}
