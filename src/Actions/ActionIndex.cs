namespace Hybrid.Actions;

/// <summary>
/// The action door's actions by id, ignoring case as its routes match them, kept from reading the
/// catalog. A plain dictionary: freezing 1,000 keys costs more at start-up than it saves, and routing,
/// not this index, matches a request's id.
/// </summary>
internal sealed class ActionIndex
{
    private readonly Dictionary<string, HybridOperation> _byId = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string id, HybridOperation operation) => _byId.Add(id, operation);

    public HybridOperation? Find(string id) => _byId.GetValueOrDefault(id);
}
