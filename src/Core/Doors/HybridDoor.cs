namespace Hybrid;

/// <summary>
/// One door as Core sees it, registered by the door's package when the app maps it
/// (<see cref="DoorPrerequisites.Read"/>): its name and traits, its reading of the catalog (which
/// operations it exposes and how, with its own checks), and its columns of the exposure inventory.
/// Core iterates over the registered doors and never compares a door's name, so a new door is a new
/// package, not an edit of Core. docs/architecture.md lists what a door implements.
/// </summary>
internal abstract class HybridDoor
{
    /// <summary>The door's name: telemetry's <c>hybrid.door</c>, logs, and the key of its declarations.</summary>
    public abstract string Name { get; }

    /// <summary>The inventory's title for what the door exposes of an operation (<c>Action</c>, <c>REST routes</c>).</summary>
    public abstract string ExposureTitle { get; }

    /// <summary>
    /// Reads the door's declarations of every operation (<see cref="HybridOperation.DeclarationsFor"/>), in
    /// catalog order, checks them and returns what the door exposes of each operation it is on; each
    /// problem is added to <paramref name="errors"/> with its id and fix, and its operation left out.
    /// Called once per catalog.
    /// </summary>
    public abstract IReadOnlyDictionary<HybridOperation, object> Expose(OperationCatalog catalog, List<HybridConfigurationError> errors);

    /// <summary>The inventory's text for what the door exposes of an operation (its id, its routes).</summary>
    public abstract string Describe(object exposure);

    /// <summary>The order in which the inventory lists an operation's endpoints on this door; as mapped by default.</summary>
    public virtual IEnumerable<HybridEndpointMetadata> Order(IEnumerable<HybridEndpointMetadata> endpoints) => endpoints;

    /// <inheritdoc />
    public override string ToString() => Name;
}
