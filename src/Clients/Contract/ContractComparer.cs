using System.Text.Json;

namespace Hybrid.Clients;

/// <summary>
/// Finds the changes between a public document's baseline and its current version that break clients
/// built from the baseline (docs/contract.md has the rules). Additive changes pass.
/// </summary>
internal static class ContractComparer
{
    private static readonly string[] Verbs = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    /// <summary>The breaks, in the baseline's order, each naming the path, the operation and the member.</summary>
    public static IReadOnlyList<ContractBreak> Compare(string documentName, JsonElement baseline, JsonElement current)
    {
        var was = new ContractDocument(baseline);
        var now = new ContractDocument(current);
        var report = new BreakReport(documentName);
        var schemas = new SchemaComparison(was, now);
        if (!JsonMembers.TryGetObject(baseline, "paths", out var paths))
        {
            return report.Breaks;
        }

        // A path whose placeholders were renamed is the same path: met by its shape.
        var shapes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var nowPath in now.Paths.Keys)
        {
            shapes.TryAdd(PathShape.Of(nowPath), nowPath);
        }

        foreach (var path in paths.EnumerateObject())
        {
            var nowPath = now.Paths.ContainsKey(path.Name) ? path.Name : shapes.GetValueOrDefault(PathShape.Of(path.Name));
            if (nowPath is null || !now.Paths.TryGetValue(nowPath, out var nowItem))
            {
                var operations = OperationsOf(path.Value).Select(o => JsonMembers.String(o.Operation, "operationId") is { } id ? $"{Upper(o.Verb)} ({id})" : Upper(o.Verb));
                var with = string.Join(", ", operations);
                report.Add(path.Name, "", with.Length == 0 ? $"{path.Name}: the path was removed." : $"{path.Name}: the path was removed, and with it {with}.");
                continue;
            }

            foreach (var (verb, operation) in OperationsOf(path.Value))
            {
                var id = JsonMembers.String(operation, "operationId");
                if (!JsonMembers.TryGetObject(nowItem, verb, out var nowOperation))
                {
                    report.Add(path.Name, id ?? Upper(verb), OperationComparison.LabelOf(Upper(verb), path.Name, id) + ": the operation was removed.");
                    continue;
                }

                new OperationComparison(was, now, report, schemas, (path.Name, nowPath), Upper(verb), (path.Value, operation), (nowItem, nowOperation)).Run();
            }
        }

        return report.Breaks;
    }

    private static string Upper(string verb) => verb.ToUpperInvariant();

    private static IEnumerable<(string Verb, JsonElement Operation)> OperationsOf(JsonElement item)
    {
        foreach (var verb in Verbs)
        {
            if (JsonMembers.TryGetObject(item, verb, out var operation))
            {
                yield return (verb, operation);
            }
        }
    }
}
