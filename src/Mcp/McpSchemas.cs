using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hybrid.Mcp;

/// <summary>
/// The input and output schemas of every tool, written once from the same request shapes and
/// response types as Hybrid's documents (<see cref="DocumentSchemas"/>, converted by
/// <see cref="McpSchemaDialect"/>). The root of each is an object, as MCP requires; types it shares
/// with itself are in <c>$defs</c>, each once. A result that is not an object (a list, a number) is
/// described as <c>{"result": ...}</c>, the shape the door sends it in; a stream's as <c>{"items": [...], "value": ...}</c>;
/// a tool without a result has no output schema.
/// </summary>
internal static class McpSchemas
{
    /// <summary>The member a result that is not a JSON object is wrapped in.</summary>
    public const string ResultMember = "result";

    public static Dictionary<HybridOperation, (JsonElement Input, JsonElement? Output)> Build(IReadOnlyList<HybridOperation> operations, OperationCatalog catalog, XmlDocs docs)
    {
        // Requests and results are kept apart: a type that is both would otherwise be described as a
        // response (every member required) in the arguments an agent writes.
        var inputs = new DocumentSchemas(catalog.Json, docs);
        var outputs = new DocumentSchemas(catalog.Json, docs);
        foreach (var operation in operations)
        {
            inputs.Use(operation.RequestType, response: false, catalog.ShapeOf(operation));
            if (!operation.ReturnsNothing)
            {
                outputs.Use(operation.ItemType ?? operation.ResponseType, response: true);
            }
        }

        inputs.Seal();
        outputs.Seal();
        var inputDefs = Components(inputs);
        var outputDefs = Components(outputs);
        var schemas = new Dictionary<HybridOperation, (JsonElement, JsonElement?)>();
        foreach (var operation in operations)
        {
            var input = Root(TypeOf(inputs, operation.RequestType), inputDefs, wrap: false);
            var output = operation.ReturnsNothing ? (JsonElement?)null
                : operation.ItemType is { } item ? WithDefs(Collected(TypeOf(outputs, item)), outputDefs)
                : Root(TypeOf(outputs, operation.ResponseType), outputDefs, wrap: true);
            schemas.Add(operation, (input, output));
        }

        return schemas;
    }

    /// <summary>
    /// The schema rooted at <paramref name="type"/>: an object definition inlined, anything else
    /// wrapped in a <see cref="ResultMember"/> object (or, for arguments, the object it refers to).
    /// </summary>
    private static JsonElement Root(JsonNode type, JsonObject defs, bool wrap)
    {
        JsonObject root;
        if (type is JsonObject { Count: 1 } reference && reference["$ref"]?.GetValue<string>() is { } target &&
            defs[target[McpSchemaDialect.DefsPrefix.Length..]] is JsonObject definition && IsPlainObject(definition))
        {
            root = definition.DeepClone().AsObject();
            if (!wrap)
            {
                // The request type's summary is the tool's description already.
                root.Remove("description");
            }
        }
        else if (wrap)
        {
            root = new JsonObject
            {
                ["type"] = "object",
                ["required"] = new JsonArray(ResultMember),
                ["properties"] = new JsonObject { [ResultMember] = type },
                ["additionalProperties"] = false,
            };
        }
        else
        {
            root = new JsonObject { ["type"] = "object", ["allOf"] = new JsonArray(type) };
        }

        return WithDefs(root, defs);
    }

    /// <summary>A stream's result: its items in order, and the value it ended with (<see cref="McpStreamResult"/>).</summary>
    private static JsonObject Collected(JsonNode item) => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray(McpStreamResult.ItemsMember),
        ["properties"] = new JsonObject
        {
            [McpStreamResult.ItemsMember] = new JsonObject { ["type"] = "array", ["description"] = "The stream's items, in the order it produced them.", ["items"] = item },
            [McpStreamResult.ValueMember] = new JsonObject { ["description"] = "The value the stream ended with (a count, a summary), when it states one." },
        },
        ["additionalProperties"] = false,
    };

    /// <summary><paramref name="root"/> with the definitions it refers to, directly or not, under <c>$defs</c>.</summary>
    private static JsonElement WithDefs(JsonObject root, JsonObject defs)
    {
        var used = new SortedSet<string>(StringComparer.Ordinal);
        McpSchemaDialect.CollectReferences(root, used);
        var pending = new Queue<string>(used);
        while (pending.TryDequeue(out var name))
        {
            var found = new SortedSet<string>(StringComparer.Ordinal);
            McpSchemaDialect.CollectReferences(defs[name], found);
            foreach (var next in found.Where(used.Add))
            {
                pending.Enqueue(next);
            }
        }

        if (used.Count > 0)
        {
            var own = new JsonObject();
            foreach (var name in used)
            {
                own[name] = defs[name]!.DeepClone();
            }

            root["$defs"] = own;
        }

        return Element(root);
    }

    /// <summary>An object with its own members: not a polymorphic base or a derived type (those are referenced, not inlined).</summary>
    private static bool IsPlainObject(JsonObject definition) =>
        definition["type"]?.GetValue<string>() == "object" && definition["allOf"] is null && definition["oneOf"] is null;

    private static JsonObject Components(DocumentSchemas schemas)
    {
        var written = Write(writer =>
        {
            writer.WriteStartObject();
            schemas.WriteComponents(writer);
            writer.WriteEndObject();
        });
        var components = written["schemas"]!.AsObject();
        McpSchemaDialect.Convert(components);
        return components;
    }

    private static JsonObject TypeOf(DocumentSchemas schemas, Type type)
    {
        var schema = Write(writer => schemas.WriteType(writer, type));
        McpSchemaDialect.Convert(schema);
        return schema;
    }

    private static JsonObject Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
    }

    private static JsonElement Element(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            node.WriteTo(writer);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
