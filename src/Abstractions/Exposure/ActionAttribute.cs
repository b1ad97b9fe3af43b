namespace Hybrid;

/// <summary>
/// Exposes a MediatR request type on the action door: <c>POST /_actions/{id}</c>.
/// Place it on the request type, never on the handler.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ActionAttribute : Attribute, IDoorDeclaration
{
    /// <summary>Exposes the request type under an action id equal to its type name.</summary>
    public ActionAttribute()
    {
    }

    /// <summary>Exposes the request type under the given action id.</summary>
    /// <param name="id">The action id: letters, digits, <c>_</c>, <c>.</c> and <c>-</c>, starting with a letter or digit.</param>
    public ActionAttribute(string id) => Id = id;

    /// <summary>The action id, or <see langword="null"/> for the request type's name.</summary>
    public string? Id { get; }

    /// <summary>A one-line summary for the actions document.</summary>
    public string? Summary { get; set; }

    /// <summary>The action door: <see cref="HybridDoors.Action"/>.</summary>
    public string Door => HybridDoors.Action;
}
