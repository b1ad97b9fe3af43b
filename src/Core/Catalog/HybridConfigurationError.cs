namespace Hybrid;

/// <summary>
/// One configuration problem found at start-up: a stable id (<c>HYB001</c>..., documented in
/// <c>docs/errors.md</c>) and a sentence naming the type or option and the fix.
/// </summary>
/// <param name="Id">The stable id, e.g. <c>HYB004</c>; tests and tools match it, never the prose.</param>
/// <param name="Message">What is wrong and the fix, naming the request type or the option.</param>
public sealed record HybridConfigurationError(string Id, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Id + ": " + Message;

    /// <summary>Reads <c>HYBnnn: message</c> back (an options validation failure); any other text is HYB000.</summary>
    internal static HybridConfigurationError Parse(string text) =>
        text.Length > 8 && text.StartsWith("HYB", StringComparison.Ordinal) && text[6] == ':' && text[7] == ' '
            ? new HybridConfigurationError(text[..6], text[8..])
            : new HybridConfigurationError("HYB000", text);
}
