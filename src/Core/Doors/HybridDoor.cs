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

    /// <summary>What the door's checks share across one catalog (ids and routes taken so far); none by default.</summary>
    public virtual object? BeginReading() => null;

    /// <summary>
    /// Reads the door's declarations of one operation (<see cref="HybridOperation.DeclarationsFor"/>),
    /// checks them and returns what the door exposes of it, or <see langword="null"/> when it is not on
    /// this door. Each problem is added to <paramref name="errors"/> with its id and fix; an operation
    /// with a problem is left out. Called once per catalog for every operation, in catalog order.
    /// </summary>
    public abstract object? Expose(HybridOperation operation, RequestShape shape, object? reading, List<HybridConfigurationError> errors);

    /// <summary>The inventory's text for what the door exposes of an operation (its id, its routes).</summary>
    public abstract string Describe(object exposure);

    /// <summary>The order in which the inventory lists an operation's endpoints on this door; as mapped by default.</summary>
    public virtual IEnumerable<HybridEndpointMetadata> Order(IEnumerable<HybridEndpointMetadata> endpoints) => endpoints;

    /// <inheritdoc />
    public override string ToString() => Name;
}
