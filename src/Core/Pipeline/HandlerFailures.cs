using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hybrid;

/// <summary>
/// What a handler's exception tells the client, for one operation: its problem (logged at debug, and
/// in Development when the operation does not declare it), 503 with <c>Retry-After</c> for a
/// transient failure (<see cref="HybridOptions.TransientFailures"/>), else a 500 with nothing but the
/// trace id, the exception logged and recorded on the current activity. A request's handler and a
/// stream's items after the first are judged by the same rules.
/// </summary>
internal sealed class HandlerFailures(string requestName, ILogger logger, HybridOptions options, IReadOnlySet<string>? declaredCodes)
{
    /// <summary>
    /// The codes an endpoint declares (and <c>validation_failed</c>), in Development only: a handler's
    /// problem the operation did not declare is then logged, so the documents never silently miss one.
    /// </summary>
    public static IReadOnlySet<string>? DeclaredCodes(EndpointSettings settings, IServiceProvider services) =>
        services.GetService<IHostEnvironment>()?.IsDevelopment() == true
            ? settings.Problems.Select(p => p.Code).Append(ProblemCodes.ValidationFailed).ToHashSet(StringComparer.Ordinal)
            : null;

    /// <param name="exception">What the handler threw.</param>
    /// <param name="context">The request.</param>
    /// <param name="errorType">OpenTelemetry's <c>error.type</c>: the exception's type when it was unexpected, else null (the problem's code).</param>
    public OperationProblem ProblemOf(Exception exception, HttpContext context, out string? errorType)
    {
        errorType = null;
        if (exception is HybridProblemException e)
        {
            Log.ExpectedFailure(logger, requestName, e.Status, e.Code);
            if (declaredCodes is not null && !declaredCodes.Contains(e.Code) && e is not StreamResetException)
            {
                Log.UndeclaredProblem(logger, requestName, e.Status, e.Code);
            }

            return OperationProblem.From(e);
        }

        errorType = exception.GetType().FullName;
        Activity.Current?.AddException(exception);
        if (IsTransient(exception))
        {
            Log.TransientFailure(logger, exception, requestName, Activity.Current?.Id ?? context.TraceIdentifier);
            return OperationProblem.Unavailable(options.TransientRetryAfter);
        }

        Log.UnexpectedFailure(logger, exception, requestName, Activity.Current?.Id ?? context.TraceIdentifier);
        return OperationProblem.Internal();
    }

    private bool IsTransient(Exception exception)
    {
        foreach (var test in options.TransientFailures)
        {
            if (test(exception))
            {
                return true;
            }
        }

        return false;
    }
}
