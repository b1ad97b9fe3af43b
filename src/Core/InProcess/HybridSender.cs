using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hybrid;

/// <summary>
/// Sends an exposed operation from inside the app (a Razor page, a controller, a view component)
/// with the rules its doors apply, for the user of the current request: the operation's
/// authorization policy, its validation, the app's MediatR behaviours and handler, and after a
/// success the revalidation it declares. A refusal throws the problem a door would answer with:
/// <see cref="UnauthorizedException"/> (401 <c>unauthorized</c>) for a signed-out user,
/// <see cref="ForbiddenException"/> (403 <c>forbidden</c>) for a signed-in one,
/// <see cref="RequestValidationException"/> (400 <c>validation_failed</c>, the same field errors) for
/// invalid input; what the handler throws comes through unchanged. A bare <c>IMediator.Send</c> runs
/// the handler and the behaviours only. Resolve it from the request's services (inject it into the page).
/// </summary>
/// <remarks>
/// The rules are read from the final metadata of the operation's endpoints, so an operation on both
/// doors is allowed when either door's policy lets the user through (an in-process call never does
/// more than the user could through a door); the authentication schemes a door's policy names are
/// not run again: the user is <see cref="HttpContext.User"/>, as the request already authenticated it.
/// Guards that belong to HTTP (body limits, the origin check, rate limits, idempotency keys) do not
/// apply to a call that sends no request.
/// </remarks>
public sealed class HybridSender
{
    private readonly IHttpContextAccessor _accessor;
    private readonly OperationAccess _access;
    private readonly OperationCatalog _catalog;
    private readonly IRequestDispatcher _dispatcher;
    private readonly HybridMetrics _metrics;
    private readonly ILogger _logger;

    internal HybridSender(IHttpContextAccessor accessor, OperationAccess access, OperationCatalog catalog, IRequestDispatcher dispatcher, HybridMetrics metrics, ILoggerFactory loggers)
    {
        _accessor = accessor;
        _access = access;
        _catalog = catalog;
        _dispatcher = dispatcher;
        _metrics = metrics;
        _logger = loggers.CreateLogger("Hybrid.InProcess");
    }

    /// <summary>
    /// Runs the operation for the current user: authorizes, validates, dispatches, revalidates.
    /// </summary>
    /// <typeparam name="TResponse">The handler's response type.</typeparam>
    /// <param name="request">The request of an exposed operation.</param>
    /// <param name="cancellationToken">Cancels the handler; the current request's <c>RequestAborted</c> when not given.</param>
    /// <returns>The handler's response.</returns>
    /// <exception cref="UnauthorizedException">No signed-in user, and the operation's policy needs one.</exception>
    /// <exception cref="ForbiddenException">The signed-in user does not meet the operation's policy.</exception>
    /// <exception cref="RequestValidationException">The request breaks its validation rules; nothing ran.</exception>
    /// <exception cref="InvalidOperationException">No current request, or the request type is not an exposed, mapped operation.</exception>
    public Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default) =>
        RunAsync<IRequest<TResponse>, TResponse>(request, cancellationToken);

    /// <summary>
    /// Runs an operation without a result (MediatR 12's <see cref="IRequest"/>) for the current user:
    /// authorizes, validates, dispatches, revalidates, as <see cref="SendAsync{TResponse}"/> does.
    /// </summary>
    /// <param name="request">The request of an exposed operation.</param>
    /// <param name="cancellationToken">Cancels the handler; the current request's <c>RequestAborted</c> when not given.</param>
    /// <returns>A task that completes when the handler and the revalidation have run.</returns>
    /// <exception cref="UnauthorizedException">No signed-in user, and the operation's policy needs one.</exception>
    /// <exception cref="ForbiddenException">The signed-in user does not meet the operation's policy.</exception>
    /// <exception cref="RequestValidationException">The request breaks its validation rules; nothing ran.</exception>
    /// <exception cref="InvalidOperationException">No current request, or the request type is not an exposed, mapped operation.</exception>
    public Task SendAsync(IRequest request, CancellationToken cancellationToken = default) =>
        RunAsync<IRequest, Unit>(request, cancellationToken);

    private async Task<TResponse> RunAsync<TRequest, TResponse>(TRequest request, CancellationToken cancellationToken)
        where TRequest : class
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = CurrentContext();
        var entry = _access.Of(request.GetType());
        if (!await _access.AllowsAsync(entry, context.User, context).ConfigureAwait(false))
        {
            var refusal = Refusal(context);
            Log.InProcessRefused(_logger, entry.Operation.RequestType.Name, refusal.Status, refusal.Code);
            throw refusal;
        }

        if (_catalog.Validators.For(entry.Operation.RequestType).Validate(request, context.RequestServices) is { } errors)
        {
            Log.InProcessRefused(_logger, entry.Operation.RequestType.Name, 400, ProblemCodes.ValidationFailed);
            throw new RequestValidationException(errors);
        }

        var token = cancellationToken.CanBeCanceled ? cancellationToken : context.RequestAborted;
        var response = await _dispatcher.SendAsync<TRequest, TResponse>(request, context.RequestServices, token).ConfigureAwait(false);
        foreach (var revalidation in entry.Revalidations)
        {
            await revalidation.RunAsync(context, request, response, _logger, _metrics).ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>
    /// Whether the current user may run the operation of <typeparamref name="TRequest"/>: the question
    /// <see cref="SendAsync{TResponse}"/> asks first, so a page shows a control only to a user it would not refuse.
    /// </summary>
    /// <typeparam name="TRequest">The request type of an exposed operation.</typeparam>
    /// <returns><see langword="true"/> when the operation's policy lets the current user through.</returns>
    /// <exception cref="InvalidOperationException">No current request, or the type is not an exposed, mapped operation.</exception>
    public Task<bool> IsAllowedAsync<TRequest>() => IsAllowedAsync(typeof(TRequest));

    /// <summary>Whether the current user may run the operation of <paramref name="requestType"/> (see <see cref="IsAllowedAsync{TRequest}"/>).</summary>
    /// <param name="requestType">The request type of an exposed operation.</param>
    /// <returns><see langword="true"/> when the operation's policy lets the current user through.</returns>
    /// <exception cref="InvalidOperationException">No current request, or the type is not an exposed, mapped operation.</exception>
    public Task<bool> IsAllowedAsync(Type requestType)
    {
        ArgumentNullException.ThrowIfNull(requestType);
        var context = CurrentContext();
        return _access.AllowsAsync(_access.Of(requestType), context.User, context);
    }

    /// <summary>401 for a caller no scheme authenticated, 403 for one that is signed in: the answers the doors give.</summary>
    private static HybridProblemException Refusal(HttpContext context) =>
        context.User.Identities.Any(i => i.IsAuthenticated)
            ? new ForbiddenException(RefusalAnswer.Forbidden.Detail)
            : new UnauthorizedException(RefusalAnswer.Unauthorized.Detail);

    private HttpContext CurrentContext() => _accessor.HttpContext ?? throw new InvalidOperationException(
        "HybridSender runs an operation for the user of the current request, and there is none. Call it while a request is handled (a page, a controller, an endpoint), not from a background service.");
}
