using System.Text.Encodings.Web;
using Hybrid;
using Hybrid.Actions.TagHelpers;
using Microsoft.AspNetCore.Html;

namespace Microsoft.AspNetCore.Mvc.Rendering;

/// <summary>
/// The HTML-helper form of the action tag helpers, for MVC views and pages written with
/// <c>@Html</c>: <c>@using (Html.BeginHybridForm("CreateComment")) { ... @Html.HybridErrorFor("Body") }</c>.
/// </summary>
public static class HybridHtmlHelperExtensions
{
    /// <summary>
    /// Writes <c>&lt;form method="post" action="..."&gt;</c> for an action, with the return URL, the
    /// form's own page and, when the action requires one, the antiforgery token; dispose the result
    /// to close the form. Inside it, <see cref="HybridErrorFor"/> and <see cref="HybridValueFor"/>
    /// read what a failed post of this form left.
    /// </summary>
    /// <param name="html">The view's HTML helper.</param>
    /// <param name="actionId">The action id the form posts to.</param>
    /// <param name="returnUrl">Where a successful post goes (a local URL); default: this page.</param>
    /// <param name="htmlAttributes">More attributes for the form element, e.g. <c>new { @class = "delete" }</c>.</param>
    /// <returns>The open form.</returns>
    public static MvcForm BeginHybridForm(this IHtmlHelper html, string actionId, string? returnUrl = null, object? htmlAttributes = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        var view = html.ViewContext;
        var form = ActionForm.For(view.HttpContext, actionId, returnUrl, $"Html.BeginHybridForm(\"{actionId}\")");
        var tag = new TagBuilder("form") { TagRenderMode = TagRenderMode.StartTag };
        tag.MergeAttributes(Microsoft.AspNetCore.Mvc.ViewFeatures.HtmlHelper.AnonymousObjectToHtmlAttributes(htmlAttributes));
        tag.MergeAttribute("method", "post", replaceExisting: true);
        tag.MergeAttribute("action", form.Url, replaceExisting: true);
        tag.MergeAttribute("data-hybrid-action", form.Operation.ActionId!, replaceExisting: true);
        if (form.TakesFiles)
        {
            tag.MergeAttribute("enctype", "multipart/form-data", replaceExisting: false);
        }

        tag.WriteTo(view.Writer, HtmlEncoder.Default);
        foreach (var field in form.HiddenFields)
        {
            field.WriteTo(view.Writer, HtmlEncoder.Default);
        }

        Scopes(view).Push(form.Scope);
        return new HybridMvcForm(view);
    }

    /// <summary>
    /// The errors a failed post of the enclosing <see cref="BeginHybridForm"/> form left for
    /// <paramref name="field"/> (empty for the message of a failure that names no field), in an
    /// element carrying <c>data-hybrid-error-for</c> so script can fill it too (a field's with the id
    /// <c>hybrid-{action}-{field}-error</c>, for its control's <c>aria-describedby</c>).
    /// </summary>
    /// <param name="html">The view's HTML helper.</param>
    /// <param name="field">The field (JSON or C# name), or empty.</param>
    /// <param name="element">The element to write, <c>span</c> by default.</param>
    /// <returns>The element.</returns>
    public static IHtmlContent HybridErrorFor(this IHtmlHelper html, string field, string element = "span")
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(field);
        var scope = Current(html.ViewContext);
        var state = scope?.State;
        var tag = new TagBuilder(element);
        tag.Attributes["data-hybrid-error-for"] = FormScope.SlotName(field);
        if (scope is not null && field.Length > 0)
        {
            tag.Attributes["id"] = scope.ErrorId(field);
        }

        var text = FormScope.ErrorText(state, field);
        if (!string.IsNullOrEmpty(text))
        {
            tag.Attributes["role"] = "alert";
            tag.InnerHtml.Append(text);
        }

        return tag;
    }

    /// <summary>What a failed post of the enclosing form typed into <paramref name="field"/> (never a password), or null.</summary>
    /// <param name="html">The view's HTML helper.</param>
    /// <param name="field">The field name.</param>
    /// <returns>The typed value, or null.</returns>
    public static string? HybridValueFor(this IHtmlHelper html, string field)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Current(html.ViewContext)?.State?.ValueOf(field);
    }

    /// <summary>
    /// Every value a failed post of the enclosing form sent under <paramref name="field"/> (checked
    /// checkboxes sharing a name, a multiple select), in order; none when nothing was posted or the
    /// field is a secret.
    /// </summary>
    /// <param name="html">The view's HTML helper.</param>
    /// <param name="field">The field name.</param>
    /// <returns>The posted values.</returns>
    public static IReadOnlyList<string> HybridValuesFor(this IHtmlHelper html, string field)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Current(html.ViewContext)?.State?.ValuesOf(field) ?? [];
    }

    private static Stack<FormScope> Scopes(ViewContext view)
    {
        var items = view.HttpContext.Items;
        if (items[typeof(HybridHtmlHelperExtensions)] is not Stack<FormScope> scopes)
        {
            scopes = new Stack<FormScope>();
            items[typeof(HybridHtmlHelperExtensions)] = scopes;
        }

        return scopes;
    }

    private static FormScope? Current(ViewContext view) =>
        view.HttpContext.Items[typeof(HybridHtmlHelperExtensions)] is Stack<FormScope> { Count: > 0 } scopes ? scopes.Peek() : null;

    /// <summary>Closes the form and leaves its scope, so a later form's helpers see their own state.</summary>
    private sealed class HybridMvcForm : MvcForm
    {
        private readonly ViewContext _view;

        public HybridMvcForm(ViewContext view)
            : base(view, HtmlEncoder.Default) => _view = view;

        protected override void GenerateEndForm()
        {
            base.GenerateEndForm();
            Scopes(_view).TryPop(out _);
        }
    }
}
