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
    // Made with the invoker, which is made with its endpoint on the operation's first request: most of a large catalog is cold.
    private readonly ObjectValidator _validator = validators.For(typeof(TRequest));
    private readonly HandlerFailures _failures = new(typeof(TRequest).Name, logger, options, declaredCodes);

    /// <summary>Runs the request through validation and the dispatcher.</summary>
    /// <param name="request">The bound request.</param>
    /// <param name="context">The HTTP request it came with: its services and trace identifier.</param>
    /// <param name="cancellationToken">The request's token, handed to the dispatcher (and so to the handler).</param>
    public async ValueTask<Outcome<TResponse>> InvokeAsync(TRequest request, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = _validator.Validate(request, context.RequestServices);
        if (errors is not null)
        {
            return Outcome<TResponse>.Failure(OperationProblem.Validation(errors));
        }

        try
        {
            var value = await dispatcher.SendAsync<TRequest, TResponse>(request, context.RequestServices, cancellationToken).ConfigureAwait(false);
            return Outcome<TResponse>.Success(value);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return Outcome<TResponse>.Failure(_failures.ProblemOf(e, context, out var errorType), errorType);
        }
    }
}
