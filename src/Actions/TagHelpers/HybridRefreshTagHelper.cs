using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Hybrid.Actions.TagHelpers;

/// <summary>
/// <c>&lt;ul id="comments" hybrid-refresh="post:@Model.Post.Id"&gt;</c>: a region of the page that shows
/// what those cache tags (or paths, space-separated) cover. Renders <c>data-hybrid-refresh</c>; when
/// an enhanced form's action revalidates one of them, in this tab or another, the enhancement script
/// fetches the page again and swaps the region's content for the fresh one. Give the region an
/// <c>id</c> when the page has several with the same tags.
/// </summary>
[HtmlTargetElement(Attributes = AttributeName)]
public sealed class HybridRefreshTagHelper : TagHelper
{
    private const string AttributeName = "hybrid-refresh";

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        DataAttribute.Rename(output, AttributeName);
}
