using System.Text.Json;

namespace Hybrid.Clients;

/// <summary>Small readers over a document's JSON that tolerate a missing or mistyped member.</summary>
internal static class JsonMembers
{
    /// <summary>The object member <paramref name="name"/> of <paramref name="element"/>, if it is one.</summary>
    public static bool TryGetObject(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The string member <paramref name="name"/>, or null.</summary>
    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>Whether the member <paramref name="name"/> is <c>true</c>.</summary>
    public static bool IsTrue(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>
    /// The members of an object member as a dictionary: looking a name up in a <see cref="JsonElement"/> scans
    /// its members, which would make a large document's comparison quadratic.
    /// </summary>
    public static Dictionary<string, JsonElement> Index(JsonElement element, string name, IEqualityComparer<string> comparer)
    {
        var index = new Dictionary<string, JsonElement>(comparer);
        if (TryGetObject(element, name, out var members))
        {
            foreach (var member in members.EnumerateObject())
            {
                index.TryAdd(member.Name, member.Value);
            }
        }

        return index;
    }

    /// <summary>An enum value as a message shows it: a string without quotes, anything else as written.</summary>
    public static string ValueText(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
