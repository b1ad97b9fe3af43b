namespace Hybrid.Actions.TagHelpers;

/// <summary>What a <see cref="HybridFormTagHelper"/> hands to the tag helpers inside it: its action and the state a failed post left.</summary>
internal sealed record FormScope(string ActionId, HybridFormState? State)
{
    public static FormScope? Of(Microsoft.AspNetCore.Razor.TagHelpers.TagHelperContext context) =>
        context.Items.TryGetValue(typeof(HybridFormState), out var scope) ? scope as FormScope : null;
}
