using System.Globalization;
using System.Text.Json;

namespace Hybrid;

/// <summary>
/// The component names of one document, given once every type it uses is known: a type keeps its
/// name (<c>PageOfThing</c> for generics), same-named types are numbered, top-level types first and
/// then in order of full name, so the same catalog always names alike. Hand-made components
/// (<c>{Type}Body</c>) reserve names after them; <c>ProblemDetails</c> is reserved from the start.
/// </summary>
internal sealed class ComponentNames
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal) { DocumentSchemas.ProblemName };
    private readonly Dictionary<string, JsonEncodedText> _references = new(StringComparer.Ordinal);

    public ComponentNames(IEnumerable<Type> types)
    {
        var names = new Dictionary<Type, string>();
        foreach (var group in types.GroupBy(WireTypes.NameOf).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var type in group.OrderBy(t => t.IsNested).ThenBy(t => t.FullName ?? t.Name, StringComparer.Ordinal))
            {
                names[type] = Reserve(group.Key);
            }
        }

        Of = names;
    }

    /// <summary>Each type's component name.</summary>
    public IReadOnlyDictionary<Type, string> Of { get; }

    /// <summary>Takes <paramref name="name"/>, numbered (<c>Name2</c>, <c>Name3</c>...) if already taken, and returns the name given.</summary>
    public string Reserve(string name)
    {
        var unique = name;
        for (var i = 2; !_taken.Add(unique); i++)
        {
            unique = name + i.ToString(CultureInfo.InvariantCulture);
        }

        return unique;
    }

    /// <summary>The encoded <c>$ref</c> target of a component, encoded once per document.</summary>
    public JsonEncodedText ReferenceTo(string name)
    {
        if (!_references.TryGetValue(name, out var target))
        {
            target = JsonEncodedText.Encode("#/components/schemas/" + name);
            _references[name] = target;
        }

        return target;
    }
}
