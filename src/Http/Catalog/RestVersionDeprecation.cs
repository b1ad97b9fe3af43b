namespace Hybrid.Http;

/// <summary>A deprecation declared in code (<c>op.Deprecate(...)</c>), applied to every route of its version.</summary>
internal sealed record RestVersionDeprecation(int Version, DateOnly Since, DateOnly? Sunset, string? Successor) : IDoorDeclaration
{
    public string Door => HybridDoors.Rest;
}
