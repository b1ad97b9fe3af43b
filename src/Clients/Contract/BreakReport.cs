namespace Hybrid.Clients;

/// <summary>
/// The breaks found in one document, each message once: a request body offered as JSON and as a form
/// usually has one schema, and its break is one break.
/// </summary>
internal sealed class BreakReport(string document)
{
    private readonly List<ContractBreak> _breaks = [];
    private readonly HashSet<string> _messages = new(StringComparer.Ordinal);

    /// <summary>The breaks in the order they were found (the baseline's order).</summary>
    public IReadOnlyList<ContractBreak> Breaks => _breaks;

    /// <summary>Records a break unless the same message was recorded already.</summary>
    public void Add(string path, string operation, string message)
    {
        if (_messages.Add(message))
        {
            _breaks.Add(new ContractBreak(document, path, operation, message));
        }
    }
}
