using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Actions;

/// <summary>
/// One action: cross-site check, antiforgery, JSON or form body into <typeparamref name="TRequest"/>,
/// the shared pipeline, then 200 JSON, 204, a 303 back to the page for a plain form, or a problem.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The handler's response type.</typeparam>
internal sealed class ActionEndpoint<TRequest, TResponse> : DoorEndpoint<TRequest, TResponse>
    where TRequest : class, IRequest<TResponse>
{
    private readonly FormBinder _form;
    private readonly IAntiforgery _antiforgery;
    private readonly long _maxBody;
    private readonly bool _returnsNothing;

    public ActionEndpoint(HybridOperation operation, OperationCatalog catalog, IServiceProvider services, long maxBody)
        : base(operation, catalog, services, "action")
    {
        _form = new FormBinder(Shape);
        _antiforgery = services.GetRequiredService<IAntiforgery>();
        _maxBody = maxBody;
        _returnsNothing = operation.ReturnsNothing;
    }

    public override async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (CrossSiteCheck.IsCrossSite(request))
        {
            await RejectAsync(context, OperationProblem.Create(403, ProblemCodes.CrossSiteRequest, "Actions only accept requests from the app's own pages.")).ConfigureAwait(false);
            return;
        }

        var bodySize = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (bodySize is { IsReadOnly: false } && (bodySize.MaxRequestBodySize is null || bodySize.MaxRequestBodySize > _maxBody))
        {
            bodySize.MaxRequestBodySize = _maxBody;
        }

        if (request.ContentLength > _maxBody)
        {
            await RejectAsync(context, PayloadTooLarge()).ConfigureAwait(false);
            return;
        }

        var isForm = request.HasFormContentType;
        if (!isForm && !request.HasJsonContentType())
        {
            await RejectAsync(context, OperationProblem.Create(415, ProblemCodes.UnsupportedMediaType, "Send the action's arguments as application/json or as an HTML form.")).ConfigureAwait(false);
            return;
        }

        TRequest? argument;
        try
        {
            if (!await IsAntiforgeryValidAsync(context).ConfigureAwait(false))
            {
                await RejectAsync(context, OperationProblem.Create(400, ProblemCodes.AntiforgeryFailed, "The antiforgery token is missing or invalid. Send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header, or the __RequestVerificationToken form field.")).ConfigureAwait(false);
                return;
            }

            if (isForm)
            {
                var form = await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
                var json = _form.ToJson(form, out var formErrors);
                if (formErrors is not null)
                {
                    await RejectAsync(context, OperationProblem.Validation(formErrors)).ConfigureAwait(false);
                    return;
                }

                argument = json.Deserialize(RequestInfo);
            }
            else
            {
                argument = await request.ReadFromJsonAsync(RequestInfo, context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (IsUnreadableBody(e, context))
        {
            await RejectAsync(context, UnreadableBody(e)).ConfigureAwait(false);
            return;
        }

        if (argument is null)
        {
            await RejectAsync(context, OperationProblem.InvalidJson(null)).ConfigureAwait(false);
            return;
        }

        var outcome = await Invoker.InvokeAsync(argument, context, Door).ConfigureAwait(false);
        if (outcome.Problem is not null)
        {
            await ProblemWriter.WriteAsync(context, outcome.Problem).ConfigureAwait(false);
            return;
        }

        if (isForm && !AcceptsJson(request) && ReturnTarget(request) is { } target)
        {
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = target;
            return;
        }

        if (_returnsNothing)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        await context.Response.WriteAsJsonAsync(outcome.Value!, ResponseInfo, contentType: null, context.RequestAborted).ConfigureAwait(false);
    }

    private async ValueTask<bool> IsAntiforgeryValidAsync(HttpContext context)
    {
        // An app that opts an action out with DisableAntiforgery() (or its own IAntiforgeryMetadata) is obeyed.
        if (context.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: false })
        {
            return true;
        }

        // When the app's UseAntiforgery() already judged this request, its verdict stands.
        var verdict = context.Features.Get<IAntiforgeryValidationFeature>();
        if (verdict is not null)
        {
            return verdict.IsValid;
        }

        return await _antiforgery.IsRequestValidAsync(context).ConfigureAwait(false);
    }

    private static bool AcceptsJson(HttpRequest request)
    {
        foreach (var value in request.Headers.Accept)
        {
            if (value is not null && value.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where a plain HTML form goes back to: a local <c>__returnUrl</c> field, else a same-origin Referer.</summary>
    private static string? ReturnTarget(HttpRequest request)
    {
        if (request.Form.TryGetValue("__returnUrl", out var field) && IsLocal(field.ToString()))
        {
            return field.ToString();
        }

        if (Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer) &&
            string.Equals(referer.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return referer.PathAndQuery;
        }

        return null;
    }

    /// <summary>
    /// As ASP.NET Core's <c>IsLocalUrl</c>: a path, not <c>//host</c> or <c>/\host</c>, and no control
    /// characters, which browsers strip (<c>/\t/evil.example</c> would become <c>//evil.example</c>).
    /// </summary>
    private static bool IsLocal(string url) =>
        url.Length > 0 && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\' && !url.Any(char.IsControl)));
}
