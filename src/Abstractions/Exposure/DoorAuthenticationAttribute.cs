namespace Hybrid;

/// <summary>
/// Says which authentication schemes each door accepts for this operation, e.g.
/// <c>[DoorAuthentication(Action = "Cookies", Rest = "Bearer")]</c> beside <c>[Authorize(Roles = "moderator")]</c>:
/// one declaration, a policy per door. It overrides the doors' own schemes (<c>options.Actions().AuthenticationSchemes</c>,
/// <c>options.Rest().AuthenticationSchemes</c>) for the operation. It only narrows who
/// is authenticated: the operation still needs <c>[Authorize]</c> to require anything.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class DoorAuthenticationAttribute : Attribute
{
    /// <summary>The schemes the action door accepts, comma-separated; <see langword="null"/> for the app-wide default.</summary>
    public string? Action { get; set; }

    /// <summary>The schemes the REST door accepts, comma-separated; <see langword="null"/> for the app-wide default.</summary>
    public string? Rest { get; set; }

    /// <summary>The schemes the MCP door accepts, comma-separated; <see langword="null"/> for the app-wide default.</summary>
    public string? Mcp { get; set; }

    /// <summary>The schemes declared for a door, or <see langword="null"/> for a door this attribute names none for.</summary>
    /// <param name="door">The door's name (<see cref="HybridDoors"/>).</param>
    /// <returns>The comma-separated schemes, or <see langword="null"/>.</returns>
    public string? For(string door) => door switch
    {
        HybridDoors.Action => Action,
        HybridDoors.Rest => Rest,
        HybridDoors.Mcp => Mcp,
        _ => null,
    };
}
