using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Hybrid.Actions.TagHelpers;

/// <summary>
/// An <c>option</c> inside a <see cref="HybridSelectTagHelper"/> select of a form that failed: it is
/// <c>selected</c> exactly when its value (its <c>value</c> attribute, else its text, as the browser
/// posts it) was among the values posted. Outside such a form the markup is left as written.
/// </summary>
[HtmlTargetElement("option", ParentTag = "select")]
public sealed class HybridOptionTagHelper : TagHelper
{
    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        if (HybridSelectTagHelper.PostedChoice.Of(context) is not { } posted)
        {
            return;
        }

        var value = output.Attributes.TryGetAttribute("value", out var attribute)
            ? Text(attribute.Value)
            : WebUtility.HtmlDecode((await output.GetChildContentAsync().ConfigureAwait(false)).GetContent()).Trim();
        if (posted.Values.Contains(value, StringComparer.Ordinal))
        {
            output.Attributes.SetAttribute("selected", "selected");
        }
        else
        {
            output.Attributes.RemoveAll("selected");
        }
    }

    /// <summary>An attribute's value as the browser would post it: markup (a literal or an encoded expression) decoded, a plain string as is.</summary>
    private static string Text(object? value)
    {
        if (value is not IHtmlContent html)
        {
            return value?.ToString() ?? string.Empty;
        }

        using var writer = new StringWriter();
        html.WriteTo(writer, HtmlEncoder.Default);
        return WebUtility.HtmlDecode(writer.ToString());
    }
}
