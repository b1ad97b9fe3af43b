using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Hybrid;

/// <summary>
/// Writes an <see cref="OperationProblem"/> as RFC 9457 problem details, through the app's
/// <see cref="IProblemDetailsService"/> so its customisations apply, identically for both doors.
/// </summary>
internal static class ProblemWriter
{
    public static ProblemDetails ToProblemDetails(OperationProblem problem, HttpContext context)
    {
        ProblemDetails details = problem.Errors is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(problem.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));
        details.Status = problem.Status;
        details.Title = ReasonPhrases.GetReasonPhrase(problem.Status);
        details.Type = TypeFor(problem.Status);
        details.Detail = problem.Detail;
        details.Extensions["code"] = problem.Code;
        details.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
        return details;
    }

    public static Task WriteAsync(HttpContext context, OperationProblem problem) => WriteAnswerAsync(context, problem, context.RequestAborted);

    /// <summary>
    /// Writes <paramref name="problem"/> as a door endpoint's answer, with the token its pipeline holds:
    /// through the app's <see cref="IProblemDetailsService"/>, else as <c>application/problem+json</c>.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="problem">The problem.</param>
    /// <param name="cancellationToken">
    /// What may stop the write. When the request's own <c>RequestAborted</c> is already cancelled and
    /// this is not (the client left after its handler returned, or the timeout's answer), the answer is
    /// written here, after the app's <see cref="ProblemDetailsOptions.CustomizeProblemDetails"/>: the
    /// service's writer takes no token and would stop at the request's.
    /// </param>
    public static async Task WriteAnswerAsync(HttpContext context, OperationProblem problem, CancellationToken cancellationToken)
    {
        var details = ToProblemDetails(problem, context);
        context.Response.StatusCode = problem.Status;
        if (problem.Header is { } header)
        {
            context.Response.Headers[header.Key] = header.Value;
        }

        var detached = context.RequestAborted.IsCancellationRequested && !cancellationToken.IsCancellationRequested;
        var service = detached ? null : context.RequestServices.GetService(typeof(IProblemDetailsService)) as IProblemDetailsService;
        if (service is not null && await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details }).ConfigureAwait(false))
        {
            return;
        }

        if (detached && context.RequestServices.GetService(typeof(IOptions<ProblemDetailsOptions>)) is IOptions<ProblemDetailsOptions> { Value.CustomizeProblemDetails: { } customize })
        {
            customize(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details });
        }

        await context.Response.WriteAsJsonAsync(details, details.GetType(), options: null, contentType: "application/problem+json", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The RFC 9110 section of the status, as ASP.NET Core's own problem details use.</summary>
    public static string TypeFor(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        412 => "https://tools.ietf.org/html/rfc9110#section-15.5.13",
        422 => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        408 => "https://tools.ietf.org/html/rfc9110#section-15.5.9",
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        504 => "https://tools.ietf.org/html/rfc9110#section-15.6.5",
        _ when status >= 500 => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        _ => "about:blank",
    };
}
