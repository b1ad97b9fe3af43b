using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Hybrid.Actions.TagHelpers;

/// <summary>
/// <c>&lt;script hybrid-enhance-script&gt;&lt;/script&gt;</c>: loads Hybrid's form enhancement script
/// (no dependencies, under 5 KB gzipped) from its fingerprinted URL when the app calls
/// <c>app.MapStaticAssets()</c>, deferred unless the tag says <c>async</c>. With it, forms marked
/// <c>hybrid-enhance</c> post without a reload; see docs/actions-forms.md.
/// </summary>
[HtmlTargetElement("script", Attributes = AttributeName)]
public sealed class HybridEnhanceScriptTagHelper : TagHelper
{
    private const string AttributeName = "hybrid-enhance-script";

    /// <summary>The view being rendered.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Attributes.RemoveAll(AttributeName);
        output.Attributes.SetAttribute("src", EnhanceScript.Url(ViewContext.HttpContext));
        if (!output.Attributes.ContainsName("async") && !output.Attributes.ContainsName("defer"))
        {
            output.Attributes.Add(new TagHelperAttribute("defer", null, HtmlAttributeValueStyle.Minimized));
        }
    }
}
