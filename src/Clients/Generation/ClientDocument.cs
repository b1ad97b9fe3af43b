using System.Text.Json.Nodes;

namespace Hybrid.Clients;

/// <summary>
/// The copy of a document NSwag reads to write a client. A client declares no types (they live in
/// the shared module it imports), so an object schema only lends the client its name: the copy keeps
/// each component's name and drops its members, which spares NSwag most of its reading and
/// reference resolving on a large document. Shapes the client's code does depend on stay whole:
/// enums, non-object schemas, dictionaries, compositions and whatever a multipart body refers to
/// (NSwag reads a form's parts off its schema).
/// </summary>
internal static class ClientDocument
{
    private const string Prefix = "#/components/schemas/";

    public static JsonObject Slim(JsonObject document)
    {
        if (document["components"]?["schemas"] is not JsonObject schemas)
        {
            return document;
        }

        var kept = new HashSet<string>(StringComparer.Ordinal);
        CollectMultipart(document["paths"], kept);
        foreach (var (name, schema) in schemas.ToList())
        {
            if (!kept.Contains(name) && schema is JsonObject shape && IsPlainObject(shape))
            {
                schemas[name] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject(),
                    ["additionalProperties"] = false,
                };
            }
        }

        return document;
    }

    private static bool IsPlainObject(JsonObject schema) =>
        schema["type"]?.GetValue<string>() == "object"
        && schema["enum"] is null
        && schema["allOf"] is null && schema["oneOf"] is null && schema["anyOf"] is null
        && schema["additionalProperties"] is null or JsonValue;

    private static void CollectMultipart(JsonNode? node, HashSet<string> kept)
    {
        switch (node)
        {
            case JsonObject item:
                foreach (var (key, value) in item)
                {
                    if (key == "multipart/form-data")
                    {
                        CollectReferences(value, kept);
                    }
                    else
                    {
                        CollectMultipart(value, kept);
                    }
                }

                break;
            case JsonArray list:
                foreach (var value in list)
                {
                    CollectMultipart(value, kept);
                }

                break;
        }
    }

    private static void CollectReferences(JsonNode? node, HashSet<string> kept)
    {
        switch (node)
        {
            case JsonObject item:
                foreach (var (key, value) in item)
                {
                    if (key == "$ref" && value is JsonValue reference && reference.GetValue<string>() is { } target && target.StartsWith(Prefix, StringComparison.Ordinal))
                    {
                        kept.Add(target[Prefix.Length..]);
                    }
                    else
                    {
                        CollectReferences(value, kept);
                    }
                }

                break;
            case JsonArray list:
                foreach (var value in list)
                {
                    CollectReferences(value, kept);
                }

                break;
        }
    }
}
