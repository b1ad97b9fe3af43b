using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hybrid.Clients;

/// <summary>
/// The copy of a public document NSwag reads to write a C# client: the wire stays as it is, only the
/// C# names change. Each string enum gets <c>x-enumNames</c> in .NET's casing (<c>note_not_found</c> is
/// <c>NoteNotFound</c>, not NJsonSchema's <c>Note_not_found</c>), and each header parameter an
/// <c>x-originalName</c> that NSwag names its variable after (<c>If-None-Match</c> is <c>ifNoneMatch</c>).
/// A request that takes a file keeps only its <c>multipart/form-data</c> body, and a stream operation is reduced to
/// what the stream templates read (<see cref="CSharpStreams"/>).
/// </summary>
internal static class CSharpDocument
{
    /// <summary>Names a generated enum struct declares itself; a value with one of them is suffixed.</summary>
    private static readonly HashSet<string> Taken = new(StringComparer.Ordinal)
    {
        "Value", "Known", "IsKnown", "Equals", "GetHashCode", "ToString", "GetType", "JsonConverter", "MemberwiseClone",
    };

    public static JsonObject Prepare(JsonObject document)
    {
        // A component's name is its struct's: a value of the same name would be a member named like its type.
        foreach (var (name, schema) in document["components"]?["schemas"] as JsonObject ?? [])
        {
            Name(schema as JsonObject, name);
        }

        Visit(document);
        if (document["paths"] is JsonObject paths)
        {
            foreach (var operation in paths.Select(p => p.Value).OfType<JsonObject>().SelectMany(p => p.Select(o => o.Value).OfType<JsonObject>()))
            {
                // NSwag's C# client sends one content type, JSON when both are listed, and would take the
                // form's members and files as parameters it never sends. A request with a file therefore
                // goes as a form, as the TypeScript client sends it.
                if (operation["requestBody"]?["content"] is JsonObject content && content.ContainsKey("multipart/form-data"))
                {
                    content.Remove("application/json");
                }

                CSharpStreams.Prepare(operation);

                foreach (var parameter in (operation["parameters"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    if ((string?)parameter["in"] == "header" && parameter["name"] is JsonValue name && name.GetValueKind() == JsonValueKind.String)
                    {
                        var pascal = Pascal(name.GetValue<string>());
                        parameter["x-originalName"] = char.ToLowerInvariant(pascal[0]) + pascal[1..];
                    }
                }
            }
        }

        return document;
    }

    private static void Visit(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject schema:
                Name(schema, typeName: null);
                foreach (var (_, value) in schema.ToList())
                {
                    Visit(value);
                }

                break;
            case JsonArray list:
                foreach (var item in list)
                {
                    Visit(item);
                }

                break;
        }
    }

    private static void Name(JsonObject? schema, string? typeName)
    {
        if (schema is null || schema.ContainsKey("x-enumNames") ||
            schema["enum"] is not JsonArray values || values.Count == 0 || !values.All(v => v is JsonValue s && s.GetValueKind() == JsonValueKind.String))
        {
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        schema["x-enumNames"] = new JsonArray([.. values.Select(v => (JsonNode)Unique(Pascal(v!.GetValue<string>()), typeName, names))]);
    }

    private static string Unique(string name, string? typeName, HashSet<string> names)
    {
        var candidate = Taken.Contains(name) || name == typeName ? name + "Value" : name;
        for (var i = 2; !names.Add(candidate); i++)
        {
            candidate = name + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    /// <summary>Words split at anything not a letter or digit, each capitalised: <c>note_not_found</c> is <c>NoteNotFound</c>.</summary>
    internal static string Pascal(string text)
    {
        var result = new StringBuilder();
        foreach (var word in Regex.Split(text, "[^A-Za-z0-9]+"))
        {
            if (word.Length > 0)
            {
                result.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
            }
        }

        if (result.Length == 0 || char.IsAsciiDigit(result[0]))
        {
            result.Insert(0, result.Length == 0 ? "Empty" : "Value");
        }

        return result.ToString();
    }
}
