using System.Globalization;
using System.Text.Json;

namespace Hybrid.Clients;

/// <summary>
/// One OpenAPI document indexed for the comparison: its paths and components by name (a lookup in a
/// <see cref="JsonElement"/> scans its members), and each referenced schema merged once.
/// </summary>
internal sealed class ContractDocument
{
    // A chain of references to references; more than this is a loop in the document.
    private const int MaxReferenceHops = 16;

    private readonly JsonElement _root;
    private readonly Dictionary<string, JsonElement> _targets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaShape> _shapes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _merging = new(StringComparer.Ordinal);

    public ContractDocument(JsonElement root)
    {
        _root = root;
        Paths = JsonMembers.Index(root, "paths", StringComparer.Ordinal);
        if (JsonMembers.TryGetObject(root, "components", out var components))
        {
            foreach (var section in components.EnumerateObject())
            {
                if (section.Value.ValueKind == JsonValueKind.Object)
                {
                    foreach (var component in section.Value.EnumerateObject())
                    {
                        _targets.TryAdd("#/components/" + section.Name + "/" + Escape(component.Name), component.Value);
                    }
                }
            }
        }
    }

    /// <summary>The path items by template.</summary>
    public Dictionary<string, JsonElement> Paths { get; }

    /// <summary>Follows <paramref name="element"/>'s <c>$ref</c> (a parameter, request body or response), if it has one.</summary>
    public JsonElement Dereference(JsonElement element)
    {
        for (var hop = 0; hop < MaxReferenceHops && JsonMembers.String(element, "$ref") is { } reference && TryResolve(reference, out var target); hop++)
        {
            element = target;
        }

        return element;
    }

    /// <summary>The merged shape of the schema <paramref name="reference"/> points to; an unresolvable one allows anything.</summary>
    public SchemaShape Shape(string reference)
    {
        if (_shapes.TryGetValue(reference, out var shape))
        {
            return shape;
        }

        // A schema that is its own allOf part, directly or not, contributes nothing the second time round.
        if (!_merging.Add(reference))
        {
            return SchemaShape.Of(this, [], reference);
        }

        try
        {
            shape = SchemaShape.Of(this, TryResolve(reference, out var target) ? [target] : [], reference);
            _shapes[reference] = shape;
            return shape;
        }
        finally
        {
            _merging.Remove(reference);
        }
    }

    /// <summary>The merged shape of <paramref name="parts"/>, taken from the cache when it is one bare reference.</summary>
    public SchemaShape ShapeOf(IReadOnlyList<JsonElement> parts)
    {
        if (parts.Count == 1 && BareReference(parts[0]) is { } reference)
        {
            return Shape(reference);
        }

        return SchemaShape.Of(this, parts, parts.Count == 1 ? SchemaShape.KeyOf(parts[0]) : null);
    }

    private bool TryResolve(string reference, out JsonElement target)
    {
        if (_targets.TryGetValue(reference, out target))
        {
            return true;
        }

        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            // Another file's schema: the public documents are self-contained, so it reads as "anything".
            return false;
        }

        target = _root;
        foreach (var token in reference[2..].Split('/'))
        {
            var name = token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (target.ValueKind == JsonValueKind.Object && target.TryGetProperty(name, out var member))
            {
                target = member;
            }
            else if (target.ValueKind == JsonValueKind.Array && int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < target.GetArrayLength())
            {
                target = target[index];
            }
            else
            {
                return false;
            }
        }

        _targets[reference] = target;
        return true;
    }

    // A schema that is nothing but a reference, the most common kind.
    private static string? BareReference(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? reference = null;
        foreach (var member in schema.EnumerateObject())
        {
            if (reference is not null || !member.NameEquals("$ref"u8) || member.Value.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            reference = member.Value.GetString();
        }

        return reference;
    }

    private static string Escape(string name) =>
        name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
