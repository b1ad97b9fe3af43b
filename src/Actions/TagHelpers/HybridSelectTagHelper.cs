using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Hybrid.Actions.TagHelpers;

/// <summary>
/// Inside a <see cref="HybridFormTagHelper"/> form, a <c>&lt;select name="..."&gt;</c> (single or
/// <c>multiple</c>) whose options <see cref="HybridOptionTagHelper"/> selects again after a failed
/// post: exactly the options whose values were posted, so a choice the user changed is not lost and
/// a multiple select with nothing chosen comes back with nothing chosen. A select the post has errors
/// for gets <c>aria-invalid="true"</c> and <c>aria-describedby</c>, as an input does.
/// </summary>
[HtmlTargetElement("select", Attributes = "name")]
public sealed class HybridSelectTagHelper : TagHelper
{
    /// <summary>The field name.</summary>
    [HtmlAttributeName("name")]
    public string Name { get; set; } = "";

    /// <summary>Runs before the options inside it.</summary>
    public override int Order => -900;

    /// <inheritdoc />
    public override void Init(TagHelperContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Items flow to the tags inside: each option reads what was posted under this select's name.
        if (FormScope.Of(context)?.State is { } state && !Name.StartsWith("__", StringComparison.Ordinal))
        {
            context.Items[typeof(HybridSelectTagHelper)] = new PostedChoice(state.ValuesOf(Name));
        }
    }

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Attributes.SetAttribute("name", Name);
        if (!Name.StartsWith("__", StringComparison.Ordinal))
        {
            FormScope.Of(context)?.MarkInvalid(Name, output);
        }
    }

    /// <summary>The values a failed post sent under one select's name.</summary>
    internal sealed record PostedChoice(IReadOnlyList<string> Values)
    {
        public static PostedChoice? Of(TagHelperContext context) =>
            context.Items.TryGetValue(typeof(HybridSelectTagHelper), out var found) ? found as PostedChoice : null;
    }
}
