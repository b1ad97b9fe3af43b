namespace Hybrid;

/// <summary>What attributes and code said about one request type, before the catalog checks it.</summary>
internal sealed class OperationDeclaration(Type requestType)
{
    public Type RequestType { get; } = requestType;

    /// <summary>What the request type declares for each door (attributes, then code), read by the doors.</summary>
    public List<IDoorDeclaration> Declarations { get; } = [];

    /// <summary>Problems declared in code; the attributes' are read with the rest of the metadata.</summary>
    public List<ProducesProblemAttribute> Problems { get; } = [];

    public OperationConventions Conventions { get; } = new();

    /// <summary>Adds what code declared to what the attributes declared: a door reads both, code last, so code wins where both name one value.</summary>
    public void Merge(OperationDeclaration code)
    {
        Declarations.AddRange(code.Declarations);
        Problems.AddRange(code.Problems);
        Conventions.AddRange(code.Conventions);
    }
}
