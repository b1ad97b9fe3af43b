namespace Hybrid.Http;

/// <summary>What the REST door's checks share across one catalog: the routes and operation ids taken so far.</summary>
internal sealed class RestCatalogState
{
    /// <summary>Each route's method, version and template shape, with the operation that took it.</summary>
    public Dictionary<string, (Type Owner, string Template)> RouteKeys { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The operation ids taken in each version's document.</summary>
    public HashSet<string> OperationIds { get; } = new(StringComparer.Ordinal);
}
