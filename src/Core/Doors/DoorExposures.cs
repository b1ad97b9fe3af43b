namespace Hybrid;

/// <summary>
/// What each mapped door made of the catalog (<see cref="HybridDoor.Expose"/>), read once per door and
/// kept with the catalog: the exposures by operation and the problems the door's checks found, which
/// the start-up check reports with every other.
/// </summary>
internal sealed class DoorExposures
{
    private readonly Dictionary<string, (HybridDoor Door, IReadOnlyDictionary<HybridOperation, object> Exposed)> _byDoor = new(StringComparer.Ordinal);
    private readonly List<HybridConfigurationError> _errors = [];
    private readonly Lock _lock = new();

    /// <summary>The problems every door read so far found.</summary>
    public IReadOnlyList<HybridConfigurationError> Errors
    {
        get
        {
            lock (_lock)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>The doors read so far, in the order they were first mapped.</summary>
    public IReadOnlyList<HybridDoor> Doors
    {
        get
        {
            lock (_lock)
            {
                return [.. _byDoor.Values.Select(v => v.Door)];
            }
        }
    }

    /// <summary>What the door named <paramref name="door"/> exposes of the catalog, once it was mapped; else <see langword="null"/>.</summary>
    public IReadOnlyDictionary<HybridOperation, object>? Find(string door)
    {
        lock (_lock)
        {
            return _byDoor.TryGetValue(door, out var known) ? known.Exposed : null;
        }
    }

    /// <summary>What <paramref name="door"/> exposes of the catalog, read on its first call.</summary>
    public IReadOnlyDictionary<HybridOperation, object> Of(HybridDoor door, OperationCatalog catalog)
    {
        lock (_lock)
        {
            if (_byDoor.TryGetValue(door.Name, out var known))
            {
                return known.Exposed;
            }

            var errors = new List<HybridConfigurationError>();
            var exposed = door.Expose(catalog, errors);
            foreach (var (operation, exposure) in exposed)
            {
                operation.Expose(door.Name, exposure);
            }

            _errors.AddRange(errors);
            _byDoor.Add(door.Name, (door, exposed));
            return exposed;
        }
    }
}
