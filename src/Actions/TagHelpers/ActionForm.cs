using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hybrid.Actions.TagHelpers;

/// <summary>
/// What a form posting to an action needs, written once for the tag helper and the HTML helper:
/// its method and URL, the return URL, the form's own page, the token field when the action
/// requires one, and the state a failed post left.
/// </summary>
internal sealed partial class ActionForm
{
    private ActionForm(HybridOperation operation, string url, IReadOnlyList<TagBuilder> hiddenFields, FormScope scope)
    {
        Operation = operation;
        Url = url;
        HiddenFields = hiddenFields;
        Scope = scope;
    }

    public HybridOperation Operation { get; }

    public string Url { get; }

    public IReadOnlyList<TagBuilder> HiddenFields { get; }

    public FormScope Scope { get; }

    public static ActionForm For(HttpContext http, string actionId, string? returnUrl, string element)
    {
        var services = http.RequestServices;
        var catalog = services.GetRequiredService<OperationCatalog>();
        var operation = catalog.FindAction(actionId) ?? throw UnknownAction(catalog, actionId, element);
        if (returnUrl is not null && ReturnUrlTemplate.IsTemplate(returnUrl))
        {
            CheckTemplate(services, operation, returnUrl, element);
        }

        var here = http.Request.PathBase + http.Request.Path + http.Request.QueryString;
        var hidden = new List<TagBuilder> { Hidden("__returnUrl", returnUrl ?? here), Hidden("__formUrl", here) };
        if (services.GetRequiredService<EndpointSettingsStore>().Find(operation, HybridDoors.Action)?.RequiresAntiforgeryToken == true && services.GetService<IAntiforgery>() is not null)
        {
            hidden.Add(Hidden(HybridAntiforgery.FormFieldName, http.IssueXsrfToken().RequestToken ?? string.Empty));
        }

        var scope = FormScope.Next(http, operation.ActionId!, http.GetHybridFormState(operation.ActionId));
        return new ActionForm(operation, ActionPaths.For(catalog, services.GetRequiredService<IOptions<HybridOptions>>().Value.Actions()).Path(operation), hidden, scope)
        {
            TakesFiles = FileMembers.Any(catalog.ShapeOf(operation)),
        };
    }

    /// <summary>True when the action has a file member: the form must post <c>multipart/form-data</c> or the file never arrives.</summary>
    public bool TakesFiles { get; private init; }

    /// <summary>
    /// HYB075, at the element's first render: the id names no action (a typo, or the request type lost
    /// its [Action]); with <paramref name="streams"/>, no action that streams.
    /// </summary>
    internal static InvalidOperationException UnknownAction(OperationCatalog catalog, string actionId, string element, bool streams = false)
    {
        var known = catalog.Operations.Where(o => o.ActionId is not null && (!streams || o.IsStream)).Select(o => o.ActionId!).ToList();
        if (streams)
        {
            return new InvalidOperationException(
                $"HYB075: {element} names no stream action: no operation that streams (IStreamRequest<T>) has the action id '{actionId}'. " +
                (known.Count == 0 ? "The app has no stream actions. " : $"Closest: {string.Join(", ", known.OrderBy(id => Distance.Between(id, actionId)).ThenBy(id => id, StringComparer.Ordinal).Take(3))}. ") +
                "Fix: name an action whose request is an IStreamRequest<T>; a request answered once belongs in <form hybrid-action>.");
        }

        var near = known.OrderBy(id => Distance.Between(id, actionId)).ThenBy(id => id, StringComparer.Ordinal).Take(3).ToList();
        var hint = known.Count == 0
            ? "The app has no actions: mark the request type with [Action] and map the door with app.MapHybridActions()."
            : $"Closest action ids: {string.Join(", ", near)}.";
        return new InvalidOperationException(
            $"HYB075: {element} names no action: no operation has the action id '{actionId}'. {hint} Fix: use the id of an operation exposed as an action (its request type's name, or the id given to [Action]).");
    }

    /// <summary>
    /// A return URL's placeholders must name members of the result or the request. A developer's typo
    /// stops the page in Development; elsewhere (where the URL may have come from a link, as a login
    /// page's ReturnUrl does) it is logged and a successful post goes back to the form's page.
    /// </summary>
    private static void CheckTemplate(IServiceProvider services, HybridOperation operation, string returnUrl, string element)
    {
        if (ReturnUrlTemplate.For(operation.RequestType, operation.ResponseType).UnknownPlaceholder(returnUrl) is not { } unknown)
        {
            return;
        }

        var message = $"HYB080: {element}: the return URL '{returnUrl}' has the placeholder {{{unknown}}}, which names no member of {operation.ResponseType.Name} (the result) or {operation.RequestType.Name}. " +
            "Fix: name a member of the result, e.g. hybrid-return-url=\"/posts/{id}\"; success otherwise goes back to the form's page.";
        if (services.GetService<IHostEnvironment>()?.IsDevelopment() == true)
        {
            throw new InvalidOperationException(message);
        }

        UnknownPlaceholder(services.GetRequiredService<ILoggerFactory>().CreateLogger("Hybrid.Actions.Forms"), message);
    }

    [LoggerMessage(EventId = 80, Level = LogLevel.Warning, Message = "{Message}")]
    private static partial void UnknownPlaceholder(ILogger logger, string message);

    private static TagBuilder Hidden(string name, string value)
    {
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.Attributes["type"] = "hidden";
        input.Attributes["name"] = name;
        input.Attributes["value"] = value;
        return input;
    }
}
