namespace Hybrid.Actions.TagHelpers;

/// <summary>What a <see cref="HybridFormTagHelper"/> hands to the tag helpers inside it: its action and the state a failed post left.</summary>
internal sealed record FormScope(string ActionId, HybridFormState? State)
{
    public static FormScope? Of(Microsoft.AspNetCore.Razor.TagHelpers.TagHelperContext context) =>
        context.Items.TryGetValue(typeof(HybridFormState), out var scope) ? scope as FormScope : null;

    private readonly Dictionary<string, int> _seen = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The value for the next field named <paramref name="field"/> in this form: fields sharing a
    /// name (three <c>tags</c> inputs) get back the values in the order they were posted, as the
    /// browser sends them in document order; null when that field posted nothing.
    /// </summary>
    public string? NextValue(string field)
    {
        var index = _seen.GetValueOrDefault(field);
        _seen[field] = index + 1;
        return State?.ValuesOf(field) is { } values && index < values.Count ? values[index] : null;
    }

    /// <summary>The <c>data-hybrid-error-for</c> value of an error slot: the field's JSON-style name, or empty for the form's message.</summary>
    public static string SlotName(string field) => field.Length == 0 ? "" : char.ToLowerInvariant(field[0]) + field[1..];

    /// <summary>What an error slot shows: the field's errors, or the message of a failure that names no field.</summary>
    public static string? ErrorText(HybridFormState? state, string field) =>
        state is null ? null : field.Length == 0 ? state.Message : string.Join(" ", state.ErrorsOf(field));
}
