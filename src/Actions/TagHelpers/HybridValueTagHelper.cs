using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Hybrid.Actions.TagHelpers;

/// <summary>
/// Inside a <see cref="HybridFormTagHelper"/> form, puts back what a failed post typed: the
/// <c>value</c> of an <c>input</c> of any text-like type (<c>text</c>, <c>email</c>, <c>date</c>,
/// <c>number</c>, ...), the text of a <c>textarea</c>, the <c>checked</c> state of each checkbox or
/// radio (one name may repeat: a box is checked when its value was among those posted; text fields
/// sharing a name get back the posted values in order), whatever
/// the name (<c>sections[1].heading</c> included). Passwords, files and hidden fields are left
/// alone, and the state never holds secrets (<see cref="HybridFormState.Values"/>); a
/// <c>select</c> is restored by <see cref="HybridSelectTagHelper"/>. A field the post has errors for
/// gets <c>aria-invalid="true"</c> and its error slot's id in <c>aria-describedby</c>, as the
/// enhancement script sets them.
/// </summary>
[HtmlTargetElement("input", Attributes = "name", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("textarea", Attributes = "name")]
public sealed class HybridValueTagHelper : TagHelper
{
    /// <summary>The field name.</summary>
    [HtmlAttributeName("name")]
    public string Name { get; set; } = "";

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        output.Attributes.SetAttribute("name", Name);
        if (FormScope.Of(context) is not { State: { } state } scope || Name.StartsWith("__", StringComparison.Ordinal))
        {
            return;
        }

        if (string.Equals(output.TagName, "textarea", StringComparison.OrdinalIgnoreCase))
        {
            scope.MarkInvalid(Name, output);
            if (scope.NextValue(Name) is { } text)
            {
                output.Content.SetContent(text);
            }

            return;
        }

        var type = output.Attributes["type"]?.Value?.ToString()?.ToLowerInvariant() ?? "text";
        switch (type)
        {
            case "hidden" or "submit" or "button" or "reset" or "image":
                return;
            case "password" or "file":
                scope.MarkInvalid(Name, output);
                return;
            case "checkbox" or "radio":
                scope.MarkInvalid(Name, output);
                var own = output.Attributes["value"]?.Value?.ToString() ?? "on";
                if (state.ValuesOf(Name).Contains(own, StringComparer.Ordinal))
                {
                    output.Attributes.SetAttribute("checked", "checked");
                }
                else
                {
                    output.Attributes.RemoveAll("checked");
                }

                return;
            default:
                scope.MarkInvalid(Name, output);
                if (scope.NextValue(Name) is { } typed)
                {
                    output.Attributes.SetAttribute("value", typed);
                }

                return;
        }
    }
}
