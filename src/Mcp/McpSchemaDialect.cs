using System.Text.Json.Nodes;

namespace Hybrid.Mcp;

/// <summary>
/// Turns a schema written for Hybrid's OpenAPI 3.0 documents (<see cref="DocumentSchemas"/>) into the
/// JSON Schema 2020-12 that MCP tools carry, so a tool's schema comes from the same request shape,
/// nullability, DataAnnotations and documentation as the documents: references point into
/// <c>$defs</c>; <c>nullable</c> becomes a <c>"null"</c> type (or a <c>{"type":"null"}</c> choice
/// beside a reference); a boolean <c>exclusiveMinimum</c> becomes the number; what only OpenAPI
/// generators read (<c>discriminator</c>, <c>x-enumNames</c>...) is left out.
/// </summary>
internal static class McpSchemaDialect
{
    private const string ComponentPrefix = "#/components/schemas/";

    /// <summary>The prefix every reference of a converted schema starts with.</summary>
    public const string DefsPrefix = "#/$defs/";

    /// <summary>Converts <paramref name="node"/> and everything in it, in place.</summary>
    public static void Convert(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject schema:
                ConvertObject(schema);
                break;
            case JsonArray list:
                foreach (var item in list)
                {
                    Convert(item);
                }

                break;
        }
    }

    /// <summary>The names of the definitions <paramref name="node"/> refers to, each once.</summary>
    public static void CollectReferences(JsonNode? node, ISet<string> names)
    {
        switch (node)
        {
            case JsonObject schema:
                foreach (var (key, value) in schema)
                {
                    if (key == "$ref" && value?.GetValue<string>() is { } target && target.StartsWith(DefsPrefix, StringComparison.Ordinal))
                    {
                        names.Add(target[DefsPrefix.Length..]);
                    }
                    else
                    {
                        CollectReferences(value, names);
                    }
                }

                break;
            case JsonArray list:
                foreach (var item in list)
                {
                    CollectReferences(item, names);
                }

                break;
        }
    }

    private static void ConvertObject(JsonObject schema)
    {
        foreach (var key in schema.Select(p => p.Key).ToList())
        {
            if (key.StartsWith("x-", StringComparison.Ordinal) || key == "discriminator")
            {
                schema.Remove(key);
            }
        }

        if (schema["$ref"] is JsonValue reference && reference.GetValue<string>() is { } target && target.StartsWith(ComponentPrefix, StringComparison.Ordinal))
        {
            schema["$ref"] = DefsPrefix + target[ComponentPrefix.Length..];
        }

        foreach (var (_, value) in schema.ToList())
        {
            Convert(value);
        }

        Bound(schema, "minimum", "exclusiveMinimum");
        Bound(schema, "maximum", "exclusiveMaximum");
        if (schema["nullable"] is JsonValue nullable && nullable.GetValue<bool>())
        {
            schema.Remove("nullable");
            if (schema["type"] is JsonValue type)
            {
                schema["type"] = new JsonArray(type.GetValue<string>(), "null");
                if (schema["enum"] is JsonArray values)
                {
                    values.Add(null);
                }
            }
            else if (schema["oneOf"] is JsonArray choices)
            {
                choices.Add(new JsonObject { ["type"] = "null" });
            }
        }
    }

    /// <summary>OpenAPI 3.0's <c>"minimum": 0, "exclusiveMinimum": true</c> is 2020-12's <c>"exclusiveMinimum": 0</c>.</summary>
    private static void Bound(JsonObject schema, string inclusive, string exclusive)
    {
        if (schema[exclusive] is JsonValue flag && flag.TryGetValue<bool>(out var isExclusive))
        {
            schema.Remove(exclusive);
            if (isExclusive && schema[inclusive] is { } bound)
            {
                schema.Remove(inclusive);
                schema[exclusive] = bound;
            }
        }
    }
}
