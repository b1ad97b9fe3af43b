using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hybrid.Clients;

/// <summary>
/// One set of component schemas for every document, so both clients import the same types from one
/// module. Each document names its components on its own (v1's <c>Comment</c> and v2's may differ), so a
/// schema keeps its name when no other document uses that name for a different shape, and is numbered
/// otherwise (<c>Comment2</c>); each client then imports the shared name under its document's name.
/// </summary>
internal sealed class SharedSchemas
{
    private const string RefPrefix = "#/components/schemas/";
    private readonly Dictionary<string, string> _shapes = new(StringComparer.Ordinal);
    private readonly JsonObject _schemas = [];

    /// <summary>The shared schemas, with references to the shared names.</summary>
    public JsonObject Schemas => _schemas;

    /// <summary>Adds a document's schemas and returns how each of its names maps to a shared one.</summary>
    public IReadOnlyDictionary<string, string> Add(JsonObject document)
    {
        var schemas = document["components"]?["schemas"] as JsonObject ?? [];
        var local = schemas.ToDictionary(p => p.Key, p => p.Value?.ToJsonString() ?? "null", StringComparer.Ordinal);

        // A name maps to itself first; a schema whose shape, once its references are renamed too,
        // differs from the shared one of that name is renamed, until nothing changes (references chain).
        var names = local.Keys.ToDictionary(n => n, n => n, StringComparer.Ordinal);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var name in local.Keys)
            {
                var shape = Rename(local[name], names);
                if (_shapes.TryGetValue(names[name], out var shared) && shared != shape)
                {
                    names[name] = Free(name, shape, names);
                    changed = true;
                }
            }
        }

        foreach (var name in local.Keys)
        {
            var shape = Rename(local[name], names);
            if (_shapes.TryAdd(names[name], shape))
            {
                _schemas[names[name]] = JsonNode.Parse(shape);
            }
        }

        return names;
    }

    private string Free(string name, string shape, Dictionary<string, string> names)
    {
        for (var i = 2; ; i++)
        {
            var candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (names.TryGetValue(candidate, out var kept) && kept == candidate)
            {
                continue;
            }

            if (!_shapes.TryGetValue(candidate, out var shared) || shared == shape)
            {
                return candidate;
            }
        }
    }

    /// <summary>The schema's JSON with every component reference pointing at its shared name.</summary>
    public static string Rename(string json, IReadOnlyDictionary<string, string> names)
    {
        var node = JsonNode.Parse(json);
        Visit(node, names);
        return node?.ToJsonString() ?? "null";
    }

    private static void Visit(JsonNode? node, IReadOnlyDictionary<string, string> names)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["$ref"] is JsonValue reference && reference.GetValueKind() == JsonValueKind.String &&
                    reference.GetValue<string>() is { } target && target.StartsWith(RefPrefix, StringComparison.Ordinal) &&
                    names.TryGetValue(target[RefPrefix.Length..], out var renamed))
                {
                    o["$ref"] = RefPrefix + renamed;
                }

                foreach (var property in o.ToList())
                {
                    if (property.Key != "$ref")
                    {
                        Visit(property.Value, names);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Visit(item, names);
                }

                break;
        }
    }
}
