namespace Hybrid;

/// <summary>One declared route; <paramref name="Source"/> says where it was declared, for error messages.</summary>
internal sealed record RouteDeclaration(string Method, string Template, int Version, int StatusCode, string? Location, string? Summary, string Source);
