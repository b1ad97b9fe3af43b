namespace Hybrid;

/// <summary>What attributes and code said about one request type, before the catalog checks it.</summary>
internal sealed class OperationDeclaration(Type requestType)
{
    public Type RequestType { get; } = requestType;

    public bool IsAction { get; set; }

    public string? ActionId { get; set; }

    public string? Summary { get; set; }

    public List<RouteDeclaration> Routes { get; } = [];
}

/// <summary>One declared route; <paramref name="Source"/> says where it was declared, for error messages.</summary>
internal sealed record RouteDeclaration(string Method, string Template, int Version, int StatusCode, string? Location, string? Summary, string Source);
