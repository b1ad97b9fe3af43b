using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Hybrid.Actions.TagHelpers;

/// <summary>
/// <c>&lt;form hybrid-action="CreateComment"&gt;</c>: a form that posts to an action and works
/// without JavaScript. It sets <c>method</c> and <c>action</c> (the action's path, opaque when
/// <see cref="ActionDoorOptions.OpaqueIds"/> is on, while <c>data-hybrid-action</c> keeps the
/// readable id), adds the return URL (where success goes; <c>hybrid-return-url</c>, else this
/// page), the form's own page (where a failure comes back to) and, when the action requires one, the antiforgery token;
/// <c>enctype="multipart/form-data"</c> when the action takes a file (unless the form sets its own).
/// Inside it, inputs, text areas and selects get back the values a failed post typed and
/// <c>hybrid-error-for</c> elements show the errors. An id that names no action fails the first
/// render with HYB075.
/// </summary>
[HtmlTargetElement("form", Attributes = ActionAttributeName)]
public sealed class HybridFormTagHelper : TagHelper
{
    private const string ActionAttributeName = "hybrid-action";
    private ActionForm? _form;

    /// <summary>The action id the form posts to.</summary>
    [HtmlAttributeName(ActionAttributeName)]
    public string Action { get; set; } = "";

    /// <summary>Where a successful post goes (a local URL). Default: the page that renders the form.</summary>
    [HtmlAttributeName("hybrid-return-url")]
    public string? ReturnUrl { get; set; }

    /// <summary>The view being rendered.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>Runs before the tag helpers of the form's content, so they find the form's state.</summary>
    public override int Order => -1000;

    /// <inheritdoc />
    public override void Init(TagHelperContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _form = ActionForm.For(ViewContext.HttpContext, Action, ReturnUrl, $"<form hybrid-action=\"{Action}\">");
        context.Items[typeof(HybridFormState)] = _form.Scope;
    }

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var form = _form ?? ActionForm.For(ViewContext.HttpContext, Action, ReturnUrl, $"<form hybrid-action=\"{Action}\">");
        output.Attributes.SetAttribute("method", "post");
        output.Attributes.SetAttribute("action", form.Url);
        output.Attributes.SetAttribute("data-hybrid-action", form.Operation.ActionId);
        if (form.TakesFiles && !output.Attributes.ContainsName("enctype"))
        {
            output.Attributes.SetAttribute("enctype", "multipart/form-data");
        }

        foreach (var field in form.HiddenFields)
        {
            output.PostContent.AppendHtml(field);
        }
    }
}
