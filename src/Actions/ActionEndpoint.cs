using MediatR;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hybrid.Actions;

/// <summary>
/// One action. Binding: cross-site check, body limit, media type, antiforgery token when required, then JSON or form
/// fields into <typeparamref name="TRequest"/>. Responding (one place): a problem, a 303 back to
/// the page for a plain form, 204 for <see cref="Unit"/>, else 200 JSON. A form posted by a script
/// that asks for JSON gets the same answer as JSON, with the 303's target in <c>Hybrid-Redirect</c>.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The handler's response type.</typeparam>
internal sealed class ActionEndpoint<TRequest, TResponse> : DoorEndpoint<TRequest, TResponse>
    where TRequest : class
{
    private const string MediaTypes = "Send the action's arguments as application/json or as an HTML form.";

    private readonly IAntiforgery? _antiforgery;
    private readonly FormStateCookie? _formState;
    private readonly string _antiforgeryHelp;
    private readonly CrossSiteCheck _crossSite;

    public ActionEndpoint(HybridEndpointMetadata endpoint, OperationCatalog catalog, IServiceProvider services)
        : base(endpoint, catalog, services)
    {
        var options = services.GetRequiredService<IOptions<HybridOptions>>().Value;
        _crossSite = new CrossSiteCheck(options.TrustedOrigins);
        _antiforgery = services.GetService<IAntiforgery>();
        _formState = FormStateCookie.From(services);
        var header = services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.HeaderName;
        _antiforgeryHelp = "The antiforgery token is missing or invalid. Send it in the " +
            (header is null ? string.Empty : $"{header} header or the ") + $"{HybridAntiforgery.FormFieldName} form field.";
    }

    protected override async ValueTask<Bound<TRequest>> BindAsync(HttpContext context)
    {
        var request = context.Request;
        if (Settings.ChecksOrigin && _crossSite.IsCrossSite(request))
        {
            return Bound<TRequest>.Refused(OperationProblem.Create(403, ProblemCodes.CrossSiteRequest, "Actions only accept requests from the app's own pages."));
        }

        if (!ApplyBodyLimit(context))
        {
            return Bound<TRequest>.Refused(OperationProblem.PayloadTooLarge());
        }

        var input = IsPlainJson(request.ContentType) ? InputKind.Json
            : PlainForm.HasFormContentType(request) ? InputKind.Form
            : request.HasJsonContentType() ? InputKind.Json
            : request.ContentType is null && !BodyDetection.HasBody(request) ? InputKind.None
            : (InputKind?)null;
        if (input is not { } kind)
        {
            return Bound<TRequest>.Refused(OperationProblem.UnsupportedMediaType(MediaTypes));
        }

        try
        {
            if (Settings.RequiresAntiforgeryToken && !await IsAntiforgeryValidAsync(context).ConfigureAwait(false))
            {
                return Bound<TRequest>.Refused(OperationProblem.Create(400, ProblemCodes.AntiforgeryFailed, _antiforgeryHelp), kind);
            }

            if (kind == InputKind.Form)
            {
                return await BindFormAsync(context).ConfigureAwait(false);
            }

            // No body at all (curl -X POST, a button's fetch with no arguments) is {}, as an empty JSON body is.
            var (argument, errors) = kind == InputKind.Json && BodyDetection.HasBody(request)
                ? await ReadJsonAsync(context, RequestInfo).ConfigureAwait(false)
                : ReadEmpty(RequestInfo);
            return Finish(context, argument, errors, kind);
        }
        catch (InvalidDataException e) when (kind == InputKind.Form && FormLimits.IsExceeded(e))
        {
            return Bound<TRequest>.Refused(FormLimits.Problem(), kind);
        }
        catch (Exception e) when (IsUnreadableBody(e, context))
        {
            return Bound<TRequest>.Refused(UnreadableBody(e), kind);
        }
    }

    protected override Task RespondAsync(HttpContext context, Bound<TRequest> bound, Outcome<TResponse> outcome)
    {
        var request = context.Request;
        if (outcome.Problem is { } problem)
        {
            if (bound.Input == InputKind.Form && !PlainForm.AcceptsJson(request) && ReturnsToForm(bound, problem) && FormPage(request) is { } page)
            {
                return BackToFormAsync(context, StateOf(request.Form, problem), page);
            }

            return ProblemWriter.WriteAsync(context, problem);
        }

        if (bound.Input == InputKind.Form && ReturnTarget(request, bound.Request!, outcome.Value) is { } target)
        {
            if (!PlainForm.AcceptsJson(request))
            {
                context.Response.StatusCode = StatusCodes.Status303SeeOther;
                context.Response.Headers.Location = target;
                return Task.CompletedTask;
            }

            // A script posting the same form (hybrid.js) gets the JSON answer and where the plain post would have gone.
            context.Response.Headers[PlainForm.RedirectHeader] = target;
        }

        if (Operation.ReturnsNothing)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        return context.Response.WriteAsJsonAsync(outcome.Value!, ResponseInfo, contentType: null, context.RequestAborted);
    }

    private async Task BackToFormAsync(HttpContext context, HybridFormState state, string page)
    {
        await _formState!.WriteAsync(context, state).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = page;
    }

    private async ValueTask<bool> IsAntiforgeryValidAsync(HttpContext context)
    {
        // When the app's UseAntiforgery() already judged this request, its verdict stands.
        var verdict = context.Features.Get<IAntiforgeryValidationFeature>();
        if (verdict is not null)
        {
            return verdict.IsValid;
        }

        return await _antiforgery!.IsRequestValidAsync(context).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>application/json</c>, alone or with parameters: what every script sends, recognised without
    /// parsing the header (the general parse below allocates, and this is the hot path).
    /// </summary>
    private static bool IsPlainJson(string? contentType) =>
        contentType is not null &&
        contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) &&
        (contentType.Length == "application/json".Length || contentType["application/json".Length] is ';' or ' ');

    /// <summary>
    /// A plain form's failure goes back to its page when the user can fix it there: a field error,
    /// or a problem the handler raised (not found, conflict). Refusals of the request itself
    /// (cross-site, token, size, media type) and 500s are answered as problems.
    /// </summary>
    private bool ReturnsToForm(Bound<TRequest> bound, OperationProblem problem) =>
        _formState is not null &&
        problem.Status is >= 400 and < 500 &&
        (bound.Problem is null || bound.Problem.Code == ProblemCodes.ValidationFailed);

    private HybridFormState StateOf(IFormCollection form, OperationProblem problem)
    {
        var values = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, value) in form)
        {
            if (!name.StartsWith("__", StringComparison.Ordinal) && !FormStateCookie.IsSecret(name, Shape))
            {
                values[name] = [.. value.Select(v => v ?? string.Empty)];
            }
        }

        var errors = problem.Errors is { Count: > 0 } fieldErrors
            ? new Dictionary<string, string[]>(fieldErrors, StringComparer.Ordinal)
            : [];
        var message = errors.Count == 0 ? problem.Detail ?? problem.Code : null;
        return new HybridFormState(Operation.ActionId!, values, errors, message, problem.Code);
    }

    /// <summary>The page that holds the form: a local <c>__formUrl</c> field (the form tag helper writes it), else a same-origin Referer.</summary>
    private static string? FormPage(HttpRequest request)
    {
        if (request.Form.TryGetValue("__formUrl", out var field) && PlainForm.IsLocal(field.ToString()))
        {
            return field.ToString();
        }

        return PlainForm.SameOriginReferer(request);
    }

    /// <summary>
    /// Where a form goes after success: a local <c>__returnUrl</c> field, its placeholders filled from
    /// the result (<see cref="ReturnUrlTemplate"/>), else a same-origin Referer.
    /// </summary>
    private static string? ReturnTarget(HttpRequest request, TRequest argument, TResponse? result)
    {
        if (request.Form.TryGetValue("__returnUrl", out var field) && field.ToString() is { } url && PlainForm.IsLocal(url))
        {
            if (!ReturnUrlTemplate.IsTemplate(url))
            {
                return url;
            }

            if (ReturnUrlTemplate.For(typeof(TRequest), typeof(TResponse)).TryFill(url, argument, result, out var filled))
            {
                return filled;
            }
        }

        return PlainForm.SameOriginReferer(request);
    }
}
