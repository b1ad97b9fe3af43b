using System.Text.Json.Serialization.Metadata;
using MediatR;
using Microsoft.AspNetCore.Http;

namespace Hybrid.Actions;

/// <summary>
/// The action door's responder, the one place an action's answer is written: a problem, a 303 back to
/// the page for a plain form, 204 for <see cref="Unit"/>, else 200 JSON. A form posted by a script
/// that asks for JSON gets the same answer as JSON, with the 303's target in <c>Hybrid-Redirect</c>.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The handler's response type.</typeparam>
internal sealed class ActionResponder<TRequest, TResponse>(HybridOperation operation, RequestShape shape, JsonTypeInfo<TResponse> responseInfo, FormStateCookie? formState)
    : IDoorResponder<TRequest, TResponse>
    where TRequest : class
{
    public Task RespondAsync(in DoorRequest<TRequest, TResponse> outcome)
    {
        var context = outcome.HttpContext;
        var request = context.Request;
        var form = outcome.Input == InputKind.Form;
        if (outcome.Problem is { } problem)
        {
            if (form && !PlainForm.AcceptsJson(request) && ReturnsToForm(outcome.HandlerRan, problem) && FormPage(request) is { } page)
            {
                return BackToFormAsync(context, StateOf(request.Form, problem), page, outcome.Cancellation);
            }

            return ProblemWriter.WriteAnswerAsync(context, problem, outcome.Cancellation);
        }

        if (form && ReturnTarget(request, outcome.Request!, outcome.Value) is { } target)
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

        if (operation.ReturnsNothing)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        return context.Response.WriteAsJsonAsync(outcome.Value!, responseInfo, contentType: null, outcome.Cancellation);
    }

    private async Task BackToFormAsync(HttpContext context, HybridFormState state, string page, CancellationToken cancellationToken)
    {
        await formState!.WriteAsync(context, state, cancellationToken).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = page;
    }

    /// <summary>
    /// A plain form's failure goes back to its page when the user can fix it there: a field error,
    /// or a problem the handler raised (not found, conflict). Refusals of the request itself
    /// (cross-site, token, size, media type) and 500s are answered as problems.
    /// </summary>
    private bool ReturnsToForm(bool handlerRan, OperationProblem problem) =>
        formState is not null &&
        problem.Status is >= 400 and < 500 &&
        (handlerRan || problem.Code == ProblemCodes.ValidationFailed);

    private HybridFormState StateOf(IFormCollection form, OperationProblem problem)
    {
        var values = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, value) in form)
        {
            if (!name.StartsWith("__", StringComparison.Ordinal) && !FormStateCookie.IsSecret(name, shape))
            {
                values[name] = [.. value.Select(v => v ?? string.Empty)];
            }
        }

        var errors = problem.Errors is { Count: > 0 } fieldErrors
            ? new Dictionary<string, string[]>(fieldErrors, StringComparer.Ordinal)
            : [];
        var message = errors.Count == 0 ? problem.Detail ?? problem.Code : null;
        return new HybridFormState(operation.ActionId!, values, errors, message, problem.Code);
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
