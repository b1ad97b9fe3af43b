using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Hybrid.Actions.TagHelpers;

/// <summary>
/// What a <see cref="HybridFormTagHelper"/> hands to the tag helpers inside it: its action, the state
/// a failed post left, and the prefix of its error slots' ids (<c>hybrid-{action}-</c>, then
/// <c>hybrid-{action}-2-</c> for the second form of one action on a page), which a field with errors
/// names in <c>aria-describedby</c> as the enhancement script does.
/// </summary>
internal sealed record FormScope(string ActionId, HybridFormState? State, string IdPrefix)
{
    public static FormScope? Of(TagHelperContext context) =>
        context.Items.TryGetValue(typeof(HybridFormState), out var scope) ? scope as FormScope : null;

    private readonly Dictionary<string, int> _seen = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _ownIds = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The scope of the next form of <paramref name="actionId"/> rendered in this request: each gets its own id prefix.</summary>
    public static FormScope Next(HttpContext http, string actionId, HybridFormState? state)
    {
        var key = (typeof(FormScope), actionId.ToLowerInvariant());
        var ordinal = (http.Items[key] as int? ?? 0) + 1;
        http.Items[key] = ordinal;
        var prefix = "hybrid-" + actionId.ToLowerInvariant() + (ordinal == 1 ? "-" : "-" + ordinal.ToString(CultureInfo.InvariantCulture) + "-");
        return new FormScope(actionId, state, prefix);
    }

    /// <summary>
    /// The id of <paramref name="field"/>'s error slot: one the page gave it, when that slot came
    /// first, else Hybrid's (<c>hybrid-{action}-{field}-error</c>, the field in lower case).
    /// </summary>
    public string ErrorId(string field) =>
        _ownIds.GetValueOrDefault(field) ?? IdPrefix + field.ToLowerInvariant() + "-error";

    /// <summary>The id an error slot for <paramref name="field"/> renders with: its own, remembered for the fields after it, else <see cref="ErrorId"/>.</summary>
    public string SlotId(string field, string? own)
    {
        if (string.IsNullOrWhiteSpace(own))
        {
            return ErrorId(field);
        }

        _ownIds[field] = own;
        return own;
    }

    /// <summary>
    /// Marks a field the failed post has errors for as the enhancement script does: <c>aria-invalid="true"</c>,
    /// and its error slot's id added to <c>aria-describedby</c> (after any description the page gave it).
    /// </summary>
    public void MarkInvalid(string field, TagHelperOutput output)
    {
        if (State is null || field.Length == 0 || State.ErrorsOf(field).Count == 0)
        {
            return;
        }

        output.Attributes.SetAttribute("aria-invalid", "true");
        var id = ErrorId(field);
        var described = output.Attributes["aria-describedby"]?.Value?.ToString();
        if (string.IsNullOrWhiteSpace(described))
        {
            output.Attributes.SetAttribute("aria-describedby", id);
        }
        else if (!described.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(id, StringComparer.Ordinal))
        {
            output.Attributes.SetAttribute("aria-describedby", described + " " + id);
        }
    }

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
