using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hybrid.Actions.TagHelpers;

/// <summary>
/// <c>&lt;form hybrid-action="CreateComment"&gt;</c>: a form that posts to an action and works
/// without JavaScript. It sets <c>method</c> and <c>action</c> (the action's path, opaque when
/// <see cref="HybridOptions.OpaqueActionIds"/> is on, while <c>data-hybrid-action</c> keeps the
/// readable id), adds the return URL (where success goes; <c>hybrid-return-url</c>, else this
/// page), the form's own page (where a failure comes back to) and, when the action requires one, the antiforgery token; inside it, inputs get back the
/// values a failed post typed and <c>hybrid-error-for</c> elements show the errors.
/// </summary>
[HtmlTargetElement("form", Attributes = ActionAttributeName)]
public sealed class HybridFormTagHelper : TagHelper
{
    private const string ActionAttributeName = "hybrid-action";
    private readonly OperationCatalog _catalog;
    private readonly HybridOptions _options;

    /// <summary>Creates the tag helper.</summary>
    /// <param name="catalog">The operation catalog.</param>
    /// <param name="options">Hybrid's options.</param>
    public HybridFormTagHelper(OperationCatalog catalog, IOptions<HybridOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _catalog = catalog;
        _options = options.Value;
    }

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
        var state = ViewContext.HttpContext.GetHybridFormState(Action);
        context.Items[typeof(HybridFormState)] = new FormScope(Action, state);
    }

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var operation = _catalog.FindAction(Action)
            ?? throw new InvalidOperationException($"<form hybrid-action=\"{Action}\">: no action has the id '{Action}'. Check the id against the catalog (OperationCatalog.Operations).");
        var http = ViewContext.HttpContext;
        var here = http.Request.PathBase + http.Request.Path + http.Request.QueryString;
        output.Attributes.SetAttribute("method", "post");
        output.Attributes.SetAttribute("action", http.RequestServices.GetRequiredService<ActionPaths>().Path(operation));
        output.Attributes.SetAttribute("data-hybrid-action", operation.ActionId);
        output.PostContent.AppendHtml(Hidden("__returnUrl", ReturnUrl ?? here));
        output.PostContent.AppendHtml(Hidden("__formUrl", here));
        if (ActionAntiforgery.Requires(_options.RequireAntiforgeryTokens, operation.Metadata) &&
            http.RequestServices.GetService<IAntiforgery>() is not null)
        {
            output.PostContent.AppendHtml(Hidden(HybridAntiforgery.FormFieldName, http.IssueXsrfToken().RequestToken ?? string.Empty));
        }
    }

    private static TagBuilder Hidden(string name, string value)
    {
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.Attributes["type"] = "hidden";
        input.Attributes["name"] = name;
        input.Attributes["value"] = value;
        return input;
    }
}
