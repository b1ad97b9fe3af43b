using System.Text.Json.Nodes;

namespace Hybrid.Clients;

/// <summary>
/// The copy of a document NSwag reads to write a client. A client declares no types (they live in
/// the shared module it imports), so an object schema only lends the client its name: the copy keeps
/// each component's name and drops its members, which spares NSwag most of its reading and
/// reference resolving on a large document. Shapes the client's code does depend on stay whole:
/// enums, non-object schemas, dictionaries, compositions and whatever a multipart body refers to
/// (NSwag reads a form's parts off its schema). A stream operation answers its item schema, so the
/// method Hybrid's template writes for it (<c>Client.StreamMethod.liquid</c>) is typed by the item.
/// </summary>
internal static class ClientDocument
{
    /// <summary>The extension that marks a stream operation and describes its events.</summary>
    public const string StreamExtension = "x-hybrid-stream";

    private const string Prefix = "#/components/schemas/";

    public static JsonObject Slim(JsonObject document)
    {
        AnswerItems(document["paths"]);
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

    /// <summary>Whether the document has a stream operation.</summary>
    public static bool HasStreams(JsonObject document) => StreamOperations(document["paths"]).Any();

    /// <summary>
    /// Each stream operation's success answers its item (<c>x-hybrid-stream.item</c>) as JSON, so NSwag
    /// names the item's type as the result's; the event stream itself it would take for a file. The 204
    /// of a resume past the end is the runtime's to read; NSwag would list it among the errors.
    /// </summary>
    private static void AnswerItems(JsonNode? paths)
    {
        foreach (var operation in StreamOperations(paths))
        {
            if (operation[StreamExtension]?["item"] is JsonObject item && operation["responses"] is JsonObject responses && responses["200"] is JsonObject success)
            {
                success["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = item.DeepClone() } };
                responses.Remove("204");
            }
        }
    }

    private static IEnumerable<JsonObject> StreamOperations(JsonNode? paths) =>
        paths is JsonObject items
            ? items.Select(p => p.Value).OfType<JsonObject>().SelectMany(p => p.Select(o => o.Value)).OfType<JsonObject>().Where(o => o[StreamExtension] is JsonObject)
            : [];

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
