using System.Text.Json;

namespace Hybrid.Clients;

/// <summary>
/// Compares the schemas of one document's baseline with their current versions and reports each break
/// with the member's path: <c>sections[].heading</c> for an array's items, <c>errors{}</c> for a
/// dictionary's values, <c>blocks[]&lt;image&gt;</c> for a subtype. Schemas are compared by shape, so a
/// component may be renamed.
/// </summary>
/// <remarks>
/// Each pair of components is compared once per document and direction, and remembered as
/// <see cref="SchemaFindings"/>; each root (a parameter, a body) then walks the pairs it reaches, each
/// once, adding its own path in front. That ends recursion, reports a break of a shared component in every
/// operation that uses it, and keeps a thousand operations over one connected model cheap: walking a
/// remembered pair touches no JSON.
/// </remarks>
internal sealed class SchemaComparison(ContractDocument baseline, ContractDocument current)
{
    // Inline schemas nest only as deep as the JSON; components are never followed from here.
    private const int MaxDepth = 64;

    private readonly Dictionary<(string Was, string Now, ContractDirection Direction), SchemaFindings> _pairs = [];
    private int _walks;

    /// <summary>
    /// Compares <paramref name="was"/> with <paramref name="now"/>, the root being named by <paramref name="path"/>,
    /// and reports each break's member path and what happened to it.
    /// </summary>
    public void Compare(JsonElement was, JsonElement now, string path, ContractDirection direction, Action<string, string> report)
    {
        var root = new SchemaFindings(null) { Collected = true };
        Collect(root, baseline.ShapeOf([was]), current.ShapeOf([now]), path, direction, 0);
        Walk(root, direction, report);
    }

    // Breadth first, so a break in a shared component is named by the shortest path to it.
    private void Walk(SchemaFindings root, ContractDirection direction, Action<string, string> report)
    {
        var walk = ++_walks;
        var queue = new Queue<(SchemaFindings Findings, MemberPath? At)>();
        queue.Enqueue((root, null));
        while (queue.TryDequeue(out var next))
        {
            var (findings, at) = next;
            if (!findings.Collected)
            {
                findings.Collected = true;
                var (wasKey, nowKey) = findings.Pair!.Value;
                CollectMembers(findings, baseline.Shape(wasKey), current.Shape(nowKey), "", direction, 0);
            }

            var prefix = findings.Breaks.Count > 0 ? at?.ToString() ?? "" : "";
            foreach (var (path, what) in findings.Breaks)
            {
                report(MemberPath.Join(prefix, path), what);
            }

            foreach (var (path, reached) in findings.Reached)
            {
                if (reached.Walk != walk)
                {
                    reached.Walk = walk;
                    queue.Enqueue((reached, new MemberPath(at, path)));
                }
            }
        }
    }

    // The findings of a pair of components, collected when a walk first gets there.
    private SchemaFindings Pair(string was, string now, ContractDirection direction)
    {
        if (!_pairs.TryGetValue((was, now, direction), out var findings))
        {
            findings = new SchemaFindings((was, now));
            _pairs[(was, now, direction)] = findings;
        }

        return findings;
    }

    private void Collect(SchemaFindings findings, SchemaShape was, SchemaShape now, string path, ContractDirection direction, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        if (was.Type != now.Type)
        {
            // The members of a value of another type are not worth comparing: the client breaks already.
            findings.Breaks.Add((path, $"type changed from {was.Type ?? "any"} to {now.Type ?? "any"}"));
            return;
        }

        if (was.Format != now.Format)
        {
            findings.Breaks.Add((path, $"format changed from {was.Format ?? "none"} to {now.Format ?? "none"}"));
        }

        CollectValues(findings, was, now, path, direction == ContractDirection.Request);
        if (was.Key is not null && now.Key is not null)
        {
            findings.Reached.Add((path, Pair(was.Key, now.Key, direction)));
        }
        else
        {
            CollectMembers(findings, was, now, path, direction, depth);
        }
    }

    private static void CollectValues(SchemaFindings findings, SchemaShape was, SchemaShape now, string path, bool request)
    {
        if (request && was.Nullable && !now.Nullable)
        {
            findings.Breaks.Add((path, "no longer accepts null"));
        }
        else if (!request && !was.Nullable && now.Nullable)
        {
            findings.Breaks.Add((path, "became nullable"));
        }

        if (was.Enum is not null && now.Enum is not null)
        {
            foreach (var value in was.Enum)
            {
                if (!now.Allows(value))
                {
                    findings.Breaks.Add((path, $"lost the value '{value}'"));
                }
            }
        }
        else if (request && was.Enum is null && now.Enum is not null)
        {
            findings.Breaks.Add((path, "was restricted to the values " + string.Join(", ", now.Enum.Select(v => "'" + v + "'"))));
        }
    }

    private void CollectMembers(SchemaFindings findings, SchemaShape was, SchemaShape now, string path, ContractDirection direction, int depth)
    {
        var request = direction == ContractDirection.Request;
        CollectProperties(findings, was, now, path, direction, depth);
        if (was.Items.Count > 0 && now.Items.Count > 0)
        {
            Collect(findings, baseline.ShapeOf(was.Items), current.ShapeOf(now.Items), path + "[]", direction, depth + 1);
        }

        if (was.AdditionalProperties.Count > 0 && now.AdditionalProperties.Count > 0)
        {
            Collect(findings, baseline.ShapeOf(was.AdditionalProperties), current.ShapeOf(now.AdditionalProperties), path + "{}", direction, depth + 1);
        }
        else if (request && (was.AdditionalAllowed == true || was.AdditionalProperties.Count > 0) && now.AdditionalAllowed == false)
        {
            findings.Breaks.Add((path, "no longer accepts additional properties"));
        }

        foreach (var (value, wasReference) in was.Subtypes ?? [])
        {
            if (now.Subtypes is null || !now.Subtypes.TryGetValue(value, out var nowReference))
            {
                findings.Breaks.Add((path, $"lost the subtype '{value}'"));
            }
            else
            {
                Collect(findings, baseline.Shape(wasReference), current.Shape(nowReference), path + "<" + value + ">", direction, depth + 1);
            }
        }
    }

    private void CollectProperties(SchemaFindings findings, SchemaShape was, SchemaShape now, string path, ContractDirection direction, int depth)
    {
        var request = direction == ContractDirection.Request;
        foreach (var (name, wasParts) in was.Properties)
        {
            var member = path.Length == 0 ? name : path + "." + name;
            if (!now.Properties.TryGetValue(name, out var nowParts))
            {
                // JSON bodies are strict: a member the request type no longer has is refused, unless the
                // type now keeps unknown members (additionalProperties: true, JsonExtensionData).
                if (!request || now.AdditionalAllowed != true)
                {
                    findings.Breaks.Add((member, "was removed"));
                }

                continue;
            }

            var wasRequired = was.IsRequired(name);
            var nowRequired = now.IsRequired(name);
            if (request && !wasRequired && nowRequired)
            {
                findings.Breaks.Add((member, "became required"));
            }
            else if (!request && wasRequired && !nowRequired)
            {
                findings.Breaks.Add((member, "became optional"));
            }

            Collect(findings, baseline.ShapeOf(wasParts), current.ShapeOf(nowParts), member, direction, depth + 1);
        }

        if (request)
        {
            foreach (var name in now.Properties.Keys)
            {
                if (!was.Properties.ContainsKey(name) && now.IsRequired(name))
                {
                    findings.Breaks.Add((path.Length == 0 ? name : path + "." + name, "was added as required"));
                }
            }
        }
    }
}
