using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Hybrid.Actions.TagHelpers;

/// <summary>
/// The enhancement script reads <c>data-</c> attributes (valid HTML, readable through
/// <c>dataset</c>); pages write the shorter <c>hybrid-</c> form, which these helpers rename in place,
/// keeping the value and a minimized attribute minimized.
/// </summary>
internal static class DataAttribute
{
    public static void Rename(TagHelperOutput output, string name)
    {
        ArgumentNullException.ThrowIfNull(output);
        for (var i = 0; i < output.Attributes.Count; i++)
        {
            var attribute = output.Attributes[i];
            if (string.Equals(attribute.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                output.Attributes[i] = new TagHelperAttribute("data-" + name, attribute.Value, attribute.ValueStyle);
            }
        }
    }
}
