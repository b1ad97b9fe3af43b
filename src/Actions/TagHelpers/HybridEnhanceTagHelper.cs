using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Hybrid.Actions.TagHelpers;

/// <summary>
/// <c>&lt;form hybrid-action="SavePost" hybrid-enhance&gt;</c>, or <c>hybrid-enhance</c> on any element
/// (<c>&lt;body&gt;</c> for a whole page): renders <c>data-hybrid-enhance</c>, which tells the
/// enhancement script (<see cref="HybridEnhanceScriptTagHelper"/>) to post the action forms inside
/// without a reload. <c>hybrid-enhance="false"</c> on a form opts it out again.
/// </summary>
[HtmlTargetElement(Attributes = AttributeName)]
public sealed class HybridEnhanceTagHelper : TagHelper
{
    private const string AttributeName = "hybrid-enhance";

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        DataAttribute.Rename(output, AttributeName);
}
