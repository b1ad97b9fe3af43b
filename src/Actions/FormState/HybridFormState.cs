namespace Hybrid.Actions;

/// <summary>
/// What a plain HTML form post that failed leaves for the page it goes back to: the values the user
/// typed (never passwords or files), each field's errors, and the problem's message for a failure
/// that names no field. Read it once with <see cref="HybridFormStateExtensions.GetHybridFormState"/>;
/// the form tag helpers read it for you.
/// </summary>
public sealed class HybridFormState
{
    internal HybridFormState(string actionId, IReadOnlyDictionary<string, string[]> values, IReadOnlyDictionary<string, string[]> errors, string? message, string code)
    {
        ActionId = actionId;
        Values = values;
        Errors = errors;
        Message = message;
        Code = code;
    }

    /// <summary>The id of the action the form posted to.</summary>
    public string ActionId { get; }

    /// <summary>
    /// The submitted values by field name, as posted and in order (a repeated name, such as checked
    /// checkboxes or a multiple select, has several); reserved <c>__</c> fields, secrets and files left out.
    /// </summary>
    public IReadOnlyDictionary<string, string[]> Values { get; }

    /// <summary>Field errors keyed by field name (the JSON name, as the problem's <c>errors</c> are).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>The problem's message when it names no field (a handler's not found or conflict), else null.</summary>
    public string? Message { get; }

    /// <summary>The problem's stable code, e.g. <c>validation_failed</c> or <c>conflict</c>.</summary>
    public string Code { get; }

    /// <summary>The value the user typed into <paramref name="field"/> (the last, when the name was repeated), or null.</summary>
    /// <param name="field">The field name.</param>
    /// <returns>The value, or null.</returns>
    public string? ValueOf(string field) => ValuesOf(field) is [.., var last] ? last : null;

    /// <summary>Every value posted under <paramref name="field"/>, in order (matched exactly, else without regard to case), or none.</summary>
    /// <param name="field">The field name.</param>
    /// <returns>The values.</returns>
    public IReadOnlyList<string> ValuesOf(string field) => Values.GetValueOrDefault(field) ?? Find(Values, field) ?? [];

    /// <summary>The errors of <paramref name="field"/> (matched without regard to case), or none.</summary>
    /// <param name="field">The field name.</param>
    /// <returns>The messages.</returns>
    public IReadOnlyList<string> ErrorsOf(string field) => Errors.GetValueOrDefault(field) ?? Find(Errors, field) ?? [];

    private static T? Find<T>(IReadOnlyDictionary<string, T> map, string field)
        where T : class =>
        map.FirstOrDefault(p => string.Equals(p.Key, field, StringComparison.OrdinalIgnoreCase)).Value;
}
