namespace Hybrid.Actions;

/// <summary>
/// What the action door exposes of a catalog, by operation and by id (ignoring case, as the door's
/// routes match it). A plain dictionary: freezing 1,000 keys costs more at start-up than it saves,
/// and routing, not this index, matches a request's id.
/// </summary>
internal sealed class ActionIndex : Dictionary<HybridOperation, object>
{
    private readonly Dictionary<string, HybridOperation> _byId = new(StringComparer.OrdinalIgnoreCase);

    public void Add(HybridOperation operation, ActionExposure exposure)
    {
        base.Add(operation, exposure);
        _byId.Add(exposure.Id, operation);
    }

    public HybridOperation? Find(string id) => _byId.GetValueOrDefault(id);
}
