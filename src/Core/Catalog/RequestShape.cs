using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Hybrid;

/// <summary>The public properties of a request type, in declaration order, named as the app's JSON names them.</summary>
internal sealed class RequestShape
{
    private RequestShape(Type type, IReadOnlyList<RequestMember> members, JsonSerializerOptions json)
    {
        Type = type;
        Members = members;
        Json = json;
    }

    public Type Type { get; }

    public JsonSerializerOptions Json { get; }

    public IReadOnlyList<RequestMember> Members { get; }

    public RequestMember? Find(string name)
    {
        foreach (var member in Members)
        {
            if (member.Matches(name))
            {
                return member;
            }
        }

        return null;
    }

    /// <summary>True when the app's serializer knows the derived types of <paramref name="type"/> ([JsonPolymorphic]).</summary>
    public bool IsPolymorphic(Type type)
    {
        try
        {
            return Json.GetTypeInfo(type).PolymorphismOptions is not null;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

    public static RequestShape For(Type type, JsonSerializerOptions json)
    {
        if (UsesPlainReflection(type, json))
        {
            return ForPlainReflection(type, json);
        }

        // Keyed by the property's definition, not its PropertyInfo: System.Text.Json reflects an
        // inherited property from its declaring type, and that PropertyInfo is not equal to the one
        // GetProperties returns for the derived type (ReflectedType differs).
        var jsonNames = new Dictionary<(Module Module, int Token), string>();
        JsonTypeInfo? info = null;
        try
        {
            info = json.GetTypeInfo(type);
        }
        catch (NotSupportedException)
        {
            // A source-generated context that does not know the type: fall back to the naming policy.
        }

        // Whether System.Text.Json's metadata can say which CLR property each JSON property is; a
        // resolver that does not tell (AttributeProvider unset) leaves the naming policy to decide.
        var knowsProperties = false;
        if (info is { Kind: JsonTypeInfoKind.Object })
        {
            foreach (var property in info.Properties)
            {
                if (property.AttributeProvider is not PropertyInfo clr)
                {
                    continue;
                }

                knowsProperties = true;

                // System.Text.Json lists [JsonIgnore]d properties too, with neither getter nor setter.
                if (property.Get is not null || property.Set is not null)
                {
                    jsonNames[Definition(clr)] = property.Name;
                }
            }
        }

        var members = new List<RequestMember>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true } || IsRaw(property))
            {
                continue;
            }

            var name = jsonNames.TryGetValue(Definition(property), out var known)
                ? known
                : json.PropertyNamingPolicy?.ConvertName(property.Name) ?? property.Name;
            if (knowsProperties && !jsonNames.ContainsKey(Definition(property)))
            {
                continue; // [JsonIgnore]d: not part of the request's wire shape.
            }

            members.Add(new RequestMember(property, name));
        }

        return new RequestShape(type, members, json);
    }

    /// <summary>A <see cref="HybridRawRequest"/> member is filled by the door, so it is no part of the wire shape: not bound, not documented.</summary>
    private static bool IsRaw(PropertyInfo property) => property.PropertyType == typeof(HybridRawRequest);

    private static (Module Module, int Token) Definition(PropertyInfo property) => (property.Module, property.MetadataToken);

    /// <summary>
    /// True when the resolver that will describe <paramref name="type"/> is System.Text.Json's own
    /// reflection resolver with no modifiers: its names follow from attributes and the naming
    /// policy alone, so a shape is read off the type without building (and emitting accessors for)
    /// its JSON metadata at start-up, which costs about a quarter of a millisecond per type.
    /// ASP.NET Core's options put source-generated contexts (its ProblemDetails one) in front of
    /// that resolver; a context that does not know the type is passed over, as the serializer
    /// itself would. Any other resolver (a context that knows the type, modifiers, a custom one)
    /// is asked instead.
    /// </summary>
    private static bool UsesPlainReflection(Type type, JsonSerializerOptions json)
    {
        if (json.IgnoreReadOnlyProperties)
        {
            return false;
        }

        foreach (var resolver in json.TypeInfoResolverChain)
        {
            if (resolver is DefaultJsonTypeInfoResolver { Modifiers.Count: 0 } && resolver.GetType() == typeof(DefaultJsonTypeInfoResolver))
            {
                return true;
            }

            if (resolver is not JsonSerializerContext context || context.GetTypeInfo(type) is not null)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>What System.Text.Json's reflection resolver makes of the type's public properties: [JsonIgnore], [JsonPropertyName], the naming policy.</summary>
    private static RequestShape ForPlainReflection(Type type, JsonSerializerOptions json)
    {
        var members = new List<RequestMember>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true } || IsRaw(property) ||
                property.GetCustomAttribute<JsonIgnoreAttribute>(inherit: true) is { Condition: JsonIgnoreCondition.Always } ||
                property.IsDefined(typeof(JsonExtensionDataAttribute), inherit: true))
            {
                continue;
            }

            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>(inherit: true)?.Name
                ?? json.PropertyNamingPolicy?.ConvertName(property.Name)
                ?? property.Name;
            members.Add(new RequestMember(property, name));
        }

        return new RequestShape(type, members, json);
    }
}
