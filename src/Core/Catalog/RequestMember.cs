using System.Reflection;

namespace Hybrid;

/// <summary>One public property of a request type, with the name it has in JSON and how it can bind.</summary>
internal sealed class RequestMember(PropertyInfo property, string jsonName)
{
    public PropertyInfo Property { get; } = property;

    /// <summary>The property's name in JSON, per the app's serializer options (naming policy, [JsonPropertyName]).</summary>
    public string JsonName { get; } = jsonName;

    public Type Type => Property.PropertyType;

    public bool CanWrite => Property.SetMethod is { IsPublic: true };

    /// <summary>True when a single string (a route value, a query value, a form field) can carry the value.</summary>
    public bool IsSimple { get; } = SimpleTypes.IsSimple(property.PropertyType);

    /// <summary>True when JSON must name the member: C# <c>required</c> or <c>[JsonRequired]</c>.</summary>
    public bool IsRequiredInJson { get; } =
        property.IsDefined(typeof(System.Runtime.CompilerServices.RequiredMemberAttribute), inherit: true) ||
        property.IsDefined(typeof(System.Text.Json.Serialization.JsonRequiredAttribute), inherit: true);

    public bool Matches(string name) =>
        string.Equals(name, JsonName, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(name, Property.Name, StringComparison.OrdinalIgnoreCase);
}
