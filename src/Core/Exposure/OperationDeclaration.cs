namespace Hybrid;

/// <summary>What attributes and code said about one request type, before the catalog checks it.</summary>
internal sealed class OperationDeclaration(Type requestType)
{
    public Type RequestType { get; } = requestType;

    public bool IsAction { get; set; }

    public string? ActionId { get; set; }

    public string? Summary { get; set; }

    public List<RouteDeclaration> Routes { get; } = [];

    /// <summary>Problems declared in code; the attributes' are read with the rest of the metadata.</summary>
    public List<ProducesProblemAttribute> Problems { get; } = [];

    public OperationConventions Conventions { get; } = new();

    /// <summary>Deprecations declared in code, applied to every route of their version.</summary>
    public List<(int Version, DateOnly Since, DateOnly? Sunset, string? Successor)> Deprecations { get; } = [];

    /// <summary>Adds what code declared to what the attributes declared; code wins where both name one value.</summary>
    public void Merge(OperationDeclaration code)
    {
        IsAction |= code.IsAction;
        ActionId = code.ActionId ?? ActionId;
        Summary = code.Summary ?? Summary;
        Routes.AddRange(code.Routes);
        Problems.AddRange(code.Problems);
        Deprecations.AddRange(code.Deprecations);
        Conventions.AddRange(code.Conventions);
    }
}
