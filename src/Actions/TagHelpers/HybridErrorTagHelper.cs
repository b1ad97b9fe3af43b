using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Hybrid.Actions.TagHelpers;

/// <summary>
/// <c>&lt;span hybrid-error-for="Body"&gt;</c> inside a <see cref="HybridFormTagHelper"/> form: shows
/// the errors a failed post left for that field (its JSON name or C# name, either case), or, with an
/// empty value (<c>hybrid-error-for=""</c>), the message of a failure that names no field. The
/// element is always rendered, with <c>data-hybrid-error-for</c>, so script can fill it too. A field's
/// slot keeps the page's <c>id</c>, else gets <c>hybrid-{action}-{field}-error</c>: the field's
/// control names it in <c>aria-describedby</c> when it has errors (a page's own id is known to the
/// controls after the slot, so put such a slot before its field, or leave its id to Hybrid).
/// </summary>
[HtmlTargetElement(Attributes = AttributeName)]
public sealed class HybridErrorTagHelper : TagHelper
{
    private const string AttributeName = "hybrid-error-for";

    /// <summary>The field whose errors to show; empty for the form's message.</summary>
    [HtmlAttributeName(AttributeName)]
    public string Field { get; set; } = "";

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var field = FormScope.SlotName(Field);
        output.Attributes.SetAttribute("data-hybrid-error-for", field);
        var scope = FormScope.Of(context);
        if (scope is not null && Field.Length > 0)
        {
            output.Attributes.SetAttribute("id", scope.SlotId(Field, output.Attributes["id"]?.Value?.ToString()));
        }

        var text = FormScope.ErrorText(scope?.State, Field);
        if (!string.IsNullOrEmpty(text))
        {
            output.Content.SetContent(text);
            output.Attributes.SetAttribute("role", "alert");
        }
    }
}
