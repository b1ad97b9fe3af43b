using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hybrid;

/// <summary>
/// The one pipeline both doors call, typed per operation: validate, then dispatch (the app's MediatR
/// behaviours run), then an outcome. Expected failures become problems; anything else becomes a 500
/// with no detail, logged and recorded on the current activity, except a transient one
/// (<see cref="HybridOptions.TransientFailures"/>: a busy database), which is a 503 with
/// <c>Retry-After</c> and a warning.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The handler's response type.</typeparam>
/// <remarks>
/// <paramref name="declaredCodes"/> is given in Development only: a handler's problem whose code the
/// operation did not declare is then logged as a warning, so the documents never silently miss one.
/// </remarks>
internal sealed class OperationInvoker<TRequest, TResponse>(Validators validators, IRequestDispatcher dispatcher, ILogger logger, HybridOptions options, IReadOnlySet<string>? declaredCodes = null)
    where TRequest : class
{
    private ObjectValidator? _validator;

    public async ValueTask<Outcome<TResponse>> InvokeAsync(TRequest request, HttpContext context)
    {
        // Made on the operation's first call, not at start-up: most of a large catalog is cold.
        var validator = _validator ??= validators.For(typeof(TRequest));
        var errors = validator.Validate(request, context.RequestServices);
        if (errors is not null)
        {
            return Outcome<TResponse>.Failure(OperationProblem.Validation(errors));
        }

        try
        {
            var value = await dispatcher.SendAsync<TRequest, TResponse>(request, context.RequestServices, context.RequestAborted).ConfigureAwait(false);
            return Outcome<TResponse>.Success(value);
        }
        catch (HybridProblemException e)
        {
            Log.ExpectedFailure(logger, typeof(TRequest).Name, e.Status, e.Code);
            if (declaredCodes is not null && !declaredCodes.Contains(e.Code))
            {
                Log.UndeclaredProblem(logger, typeof(TRequest).Name, e.Status, e.Code);
            }

            return Outcome<TResponse>.Failure(OperationProblem.From(e));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (IsTransient(e))
        {
            Activity.Current?.AddException(e);
            Log.TransientFailure(logger, e, typeof(TRequest).Name, Activity.Current?.Id ?? context.TraceIdentifier);
            return Outcome<TResponse>.Failure(OperationProblem.Unavailable(options.TransientRetryAfter), e.GetType().FullName);
        }
        catch (Exception e)
        {
            Activity.Current?.AddException(e);
            Log.UnexpectedFailure(logger, e, typeof(TRequest).Name, Activity.Current?.Id ?? context.TraceIdentifier);
            return Outcome<TResponse>.Failure(OperationProblem.Internal(), e.GetType().FullName);
        }
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
