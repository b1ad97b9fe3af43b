namespace Hybrid;

/// <summary>
/// What each mapped door made of the catalog (<see cref="HybridDoor.Expose"/>), read once per door and
/// kept with the catalog: the exposures by operation and the problems the door's checks found, which
/// the start-up check reports with every other.
/// </summary>
internal sealed class DoorExposures
{
    private readonly Dictionary<string, (HybridDoor Door, IReadOnlyDictionary<HybridOperation, object> Exposed, object? Reading)> _byDoor = new(StringComparer.Ordinal);
    private readonly List<HybridConfigurationError> _errors = [];
    private readonly HashSet<HybridOperation> _failed = [];
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

    /// <summary>
    /// The operations some door's checks refused: the start-up report names their problems, and the
    /// endpoint checks, which would only restate them, pass them by.
    /// </summary>
    public bool Failed(HybridOperation operation)
    {
        lock (_lock)
        {
            return _failed.Contains(operation);
        }
    }

    /// <summary>What the door named <paramref name="door"/> kept from reading the catalog (its ids by name), once it was mapped.</summary>
    public object? ReadingOf(string door)
    {
        lock (_lock)
        {
            return _byDoor.TryGetValue(door, out var known) ? known.Reading : null;
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

            var reading = door.BeginReading();
            var exposed = new Dictionary<HybridOperation, object>();
            foreach (var operation in catalog.Operations)
            {
                var before = _errors.Count;
                var exposure = door.Expose(operation, catalog.ShapeOf(operation), reading, _errors);
                if (_errors.Count > before)
                {
                    _failed.Add(operation);
                }
                else if (exposure is not null)
                {
                    exposed.Add(operation, exposure);
                    operation.Expose(door.Name, exposure);
                }
            }

            _byDoor.Add(door.Name, (door, exposed, reading));
            return exposed;
        }
    }
}
