using Microsoft.AspNetCore.Antiforgery;

namespace Hybrid.Actions;

/// <summary>
/// Marks action endpoints as requiring antiforgery, so ASP.NET Core's middleware (when the app uses
/// it) checks form posts; the action door checks every request itself, JSON included.
/// </summary>
internal sealed class RequireAntiforgeryMetadata : IAntiforgeryMetadata
{
    public static RequireAntiforgeryMetadata Instance { get; } = new();

    public bool RequiresValidation => true;
}
