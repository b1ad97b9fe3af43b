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
