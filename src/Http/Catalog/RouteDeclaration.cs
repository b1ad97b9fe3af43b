namespace Hybrid.Http;

/// <summary>One declared route; <paramref name="Source"/> says where it was declared, for error messages.</summary>
internal sealed record RouteDeclaration(string Method, string Template, int Version, int StatusCode, string? Location, string? Summary, string Source) : IDoorDeclaration
{
    /// <summary>The deprecation date as declared (ISO 8601), checked by the catalog.</summary>
    public string? Deprecated { get; init; }

    /// <summary>The sunset date as declared (ISO 8601), checked by the catalog.</summary>
    public string? Sunset { get; init; }

    /// <summary>The successor template relative to the REST prefix.</summary>
    public string? Successor { get; init; }

    public string Door => HybridDoors.Rest;
}
