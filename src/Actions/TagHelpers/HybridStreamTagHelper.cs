using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hybrid.Actions.TagHelpers;

/// <summary>
/// <c>&lt;ul hybrid-stream="FollowComments" hybrid-args="@(new { postId })" hybrid-last-event-id="@newest"&gt;&lt;template&gt;...&lt;/template&gt;&lt;/ul&gt;</c>:
/// a live list. The enhancement script follows the stream action (its request an
/// <c>IStreamRequest&lt;T&gt;</c>) while the element is in the page and appends a copy of its
/// <c>&lt;template&gt;</c> for each item, the template's <c>data-hybrid-field</c> elements filled
/// from the item's members. Renders <c>data-hybrid-stream</c> (the readable id), <c>data-hybrid-url</c>
/// (the action's path, opaque when <see cref="ActionDoorOptions.OpaqueIds"/> is on),
/// <c>data-hybrid-args</c> (the arguments as JSON), <c>data-hybrid-last-event-id</c> (where the
/// stream starts: the last item the page already shows) and, when the action requires one, the
/// antiforgery token the script sends. An id that names no stream action fails the first render
/// with HYB075; an empty one renders no live list.
/// </summary>
[HtmlTargetElement(Attributes = StreamAttributeName)]
public sealed class HybridStreamTagHelper : TagHelper
{
    private const string StreamAttributeName = "hybrid-stream";

    /// <summary>The stream action's id; <see langword="null"/> or empty renders the element without a live list.</summary>
    [HtmlAttributeName(StreamAttributeName)]
    public string? Action { get; set; }

    /// <summary>The action's arguments (the request object, or an anonymous one), sent as its JSON body; none sends <c>{}</c>.</summary>
    [HtmlAttributeName("hybrid-args")]
    public object? Arguments { get; set; }

    /// <summary>The id of the last item the page already shows: the stream starts after it (sent as <c>Last-Event-ID</c>).</summary>
    [HtmlAttributeName("hybrid-last-event-id")]
    public string? LastEventId { get; set; }

    /// <summary>The view being rendered.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (string.IsNullOrEmpty(Action))
        {
            return;
        }

        var http = ViewContext.HttpContext;
        var services = http.RequestServices;
        var catalog = services.GetRequiredService<OperationCatalog>();
        var element = $"<{output.TagName} hybrid-stream=\"{Action}\">";
        var operation = catalog.FindAction(Action) is { IsStream: true } found ? found : throw ActionForm.UnknownAction(catalog, Action, element, streams: true);
        output.Attributes.SetAttribute("data-hybrid-stream", operation.ActionId);
        output.Attributes.SetAttribute("data-hybrid-url", http.Request.PathBase + ActionPaths.For(catalog, services.GetRequiredService<IOptions<HybridOptions>>().Value.Actions()).Path(operation));
        output.Attributes.SetAttribute("data-hybrid-args", Arguments is null ? "{}" : JsonSerializer.Serialize(Arguments, Arguments.GetType(), catalog.Json));
        if (!string.IsNullOrEmpty(LastEventId))
        {
            output.Attributes.SetAttribute("data-hybrid-last-event-id", LastEventId);
        }

        if (services.GetRequiredService<EndpointSettingsStore>().Find(operation, HybridDoors.Action)?.RequiresAntiforgeryToken == true && services.GetService<IAntiforgery>() is not null)
        {
            output.Attributes.SetAttribute("data-hybrid-token", http.IssueXsrfToken().RequestToken ?? string.Empty);
        }
    }
}
