namespace Hybrid.Forms;

/// <summary>The field errors of one form, keyed by the field name as posted, each message once.</summary>
internal sealed class FormErrors
{
    private Dictionary<string, List<string>>? _errors;

    public bool Any => _errors is not null;

    public void Add(string field, string message)
    {
        var messages = (_errors ??= new(StringComparer.Ordinal)).TryGetValue(field, out var known) ? known : _errors[field] = [];
        if (!messages.Contains(message))
        {
            messages.Add(message);
        }
    }

    public OperationProblem ToProblem() =>
        OperationProblem.Validation((_errors ?? []).ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
}
