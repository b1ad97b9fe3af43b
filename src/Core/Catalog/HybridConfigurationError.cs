namespace Hybrid;

/// <summary>
/// One problem found in the operation catalog at start-up: a stable id (<c>HYB001</c>...,
/// documented in <c>docs/errors.md</c>) and a sentence naming the type and the fix.
/// </summary>
/// <param name="Id">The stable id, e.g. <c>HYB004</c>; tests and tools match it, never the prose.</param>
/// <param name="Message">What is wrong and the fix, naming the request type.</param>
public sealed record HybridConfigurationError(string Id, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Id + ": " + Message;
}
