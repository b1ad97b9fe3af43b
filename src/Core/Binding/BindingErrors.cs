namespace Hybrid;

/// <summary>
/// Every field error of one request's binding, keyed by the field as it was sent (a form's name as
/// posted, a JSON body's path), each message once; and the members left out of the partial request
/// because their value did not fit. Binding collects them all, then validation runs on what did bind
/// and adds what it finds about the other fields (<see cref="AddFound"/>), so one answer names every
/// problem. A mistake that leaves nothing to judge (a body that is not a JSON object) is a
/// <see cref="Refusal"/> instead.
/// </summary>
internal sealed class BindingErrors
{
    private Dictionary<string, List<string>>? _errors;
    private List<string>? _omitted;

    /// <summary>True once a field error was added.</summary>
    public bool Any => _errors is not null;

    /// <summary>The problem that refuses the body as a whole, when there is one.</summary>
    public OperationProblem? Refusal { get; private set; }

    public void Add(string field, string message)
    {
        var messages = (_errors ??= new(StringComparer.Ordinal)).TryGetValue(field, out var known) ? known : _errors[field] = [];
        if (!messages.Contains(message))
        {
            messages.Add(message);
        }
    }

    /// <summary>Records that the member at <paramref name="path"/> (a JSON path, <c>items[1].qty</c>) was left out of the partial request.</summary>
    public void Omit(string path) => (_omitted ??= []).Add(path);

    public void Refuse(OperationProblem problem) => Refusal ??= problem;

    /// <summary>
    /// True when <paramref name="field"/> is, or lies inside, a field that already has an error or a
    /// member that was left out: what validation says about it would judge a default, not what was sent.
    /// Names compare ignoring case, as fields find members.
    /// </summary>
    public bool Covers(string field)
    {
        if (_errors is not null)
        {
            foreach (var key in _errors.Keys)
            {
                if (IsWithin(field, key))
                {
                    return true;
                }
            }
        }

        if (_omitted is not null)
        {
            foreach (var path in _omitted)
            {
                if (IsWithin(field, path))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Adds the errors a later step found (the serializer, validation) about fields no earlier error covers.</summary>
    public void AddFound(IReadOnlyDictionary<string, string[]>? found)
    {
        if (found is null)
        {
            return;
        }

        // Judged against what was known before this step, so two messages of one step about one field both stay.
        var fresh = found.Where(f => !Covers(f.Key)).ToList();
        foreach (var (field, messages) in fresh)
        {
            foreach (var message in messages)
            {
                Add(field, message);
            }
        }
    }

    public OperationProblem ToProblem() =>
        Refusal ?? OperationProblem.Validation((_errors ?? []).ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));

    private static bool IsWithin(string field, string outer) =>
        field.StartsWith(outer, StringComparison.OrdinalIgnoreCase) &&
        (field.Length == outer.Length || field[outer.Length] is '.' or '[');
}
