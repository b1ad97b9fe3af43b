using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hybrid;

/// <summary>
/// A door's endpoint for one operation, composed when it is built: the door's filters (its binder
/// among them) and its responder, around Core's handler stage, in the one order of
/// <see cref="PipelineStage"/>. <see cref="HandleAsync"/> is the endpoint's precompiled
/// <see cref="RequestDelegate"/>: it walks the filters, runs the handler and the success filters,
/// has the responder write the answer, and lets the filters act on it. Telemetry (one activity, one
/// duration with the outcome and the guard) and the last-resort 500 live here, once for every door.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The handler's response type.</typeparam>
internal sealed class DoorEndpoint<TRequest, TResponse> : IDoorEndpoint
    where TRequest : class
{
    private readonly FilterPipeline _filters;
    private readonly IDoorResponder<TRequest, TResponse> _responder;
    private readonly OperationInvoker<TRequest, TResponse> _invoker;
    private readonly EndpointTimeout? _timeout;
    private readonly ILogger _logger;
    private readonly DoorTelemetry _telemetry;
    private readonly string _name;

    /// <param name="settings">The endpoint's locked settings.</param>
    /// <param name="filters">The door's filters, its binder among them; revalidation is added here.</param>
    /// <param name="responder">The door's responder.</param>
    /// <param name="catalog">The catalog.</param>
    /// <param name="services">The app's services.</param>
    public DoorEndpoint(EndpointSettings settings, IEnumerable<IHybridFilter> filters, IDoorResponder<TRequest, TResponse> responder, OperationCatalog catalog, IServiceProvider services)
    {
        var loggers = services.GetRequiredService<ILoggerFactory>();
        Operation = settings.Operation;
        Door = settings.Door.Name;
        _name = typeof(TRequest).Name;
        _logger = loggers.CreateLogger("Hybrid.Doors");
        var metrics = services.GetRequiredService<HybridMetrics>();
        _telemetry = new DoorTelemetry(metrics, _name, Door);
        _timeout = settings.Timeout;
        _responder = responder;
        if (settings.Revalidation is { } revalidation)
        {
            filters = filters.Append(new RevalidationFilter(revalidation, _logger, metrics));
        }

        _filters = new FilterPipeline(filters);

        var declared = HandlerFailures.DeclaredCodes(settings, services);
        _invoker = new OperationInvoker<TRequest, TResponse>(
            catalog.Validators, services.GetRequiredService<IRequestDispatcher>(), loggers.CreateLogger("Hybrid.Pipeline"), services.GetRequiredService<IOptions<HybridOptions>>().Value, declared);
    }

    public HybridOperation Operation { get; }

    public string Door { get; }

    /// <summary>The endpoint's steps in order, as <see cref="FilterPipeline.ToString"/> names them.</summary>
    public string Steps => _filters.ToString();

    public async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = _telemetry.Start();
        var request = new DoorRequest<TRequest, TResponse>(context);
        var filters = _filters.Request;
        var entered = 0;
        string? guard = null;
        string? guardOutcome = null;
        try
        {
            while (entered < filters.Length)
            {
                var decision = await filters[entered].OnRequestAsync(request.ForFilter).ConfigureAwait(false);
                if (decision.Answer is { } answer)
                {
                    (guard, guardOutcome) = (decision.Guard, answer.Outcome);
                    await answer.WriteAsync(context, request.Cancellation).ConfigureAwait(false);
                    return;
                }

                if (decision.Problem is { } problem)
                {
                    (guard, guardOutcome) = (decision.Guard, "refused");
                    Log.Rejected(_logger, Door, problem.Status, problem.Code);
                    request.Refuse(problem);
                    break;
                }

                request.Continue(decision);
                entered++;
            }

            if (request.Problem is null)
            {
                request.Handled(await _invoker.InvokeAsync(request.Request!, context, request.Cancellation).ConfigureAwait(false));
                for (var i = 0; request.Problem is null && i < _filters.Success.Length; i++)
                {
                    await _filters.Success[i].OnSucceededAsync(context, request.Request!, request.Value).ConfigureAwait(false);
                }
            }

            if (request.Problem is { } failed)
            {
                activity?.SetStatus(ActivityStatusCode.Error, failed.Code);
                activity?.SetTag(HybridTelemetry.ErrorTypeTag, request.ErrorType);
            }

            await _responder.RespondAsync(request).ConfigureAwait(false);
            while (entered > 0)
            {
                if (_filters.Answer[--entered] is { } after)
                {
                    await after.OnAnsweredAsync(context, responded: true, request.Cancellation).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (request.Cancellation.IsCancellationRequested)
        {
            request.Fail("canceled");
            if (_timeout is { } timeout && TimedOut(context) && !context.Response.HasStarted)
            {
                request.Fail("timeout");
                activity?.SetStatus(ActivityStatusCode.Error, ProblemCodes.RequestTimeout);
                Log.TimedOut(_logger, _name, timeout.StatusCode);
                context.Response.Clear();
                await ProblemWriter.WriteAnswerAsync(context, OperationProblem.TimedOut(timeout.StatusCode), RequestTokens.Detached).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            // A fault in a filter, binding or writing (never in the handler: the invoker catches those).
            // The client learns a trace id only.
            request.Fail(e.GetType().FullName);
            activity?.AddException(e);
            activity?.SetStatus(ActivityStatusCode.Error, ProblemCodes.InternalError);
            Log.UnexpectedFailure(_logger, e, _name, Activity.Current?.Id ?? context.TraceIdentifier);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await ProblemWriter.WriteAnswerAsync(context, OperationProblem.Internal(), request.Cancellation).ConfigureAwait(false);
            }
        }
        finally
        {
            while (entered > 0)
            {
                if (_filters.Answer[--entered] is { } after)
                {
                    await LeaveAsync(after, context, request.Cancellation).ConfigureAwait(false);
                }
            }

            _telemetry.Record(activity, started, request.ErrorType, guard, guardOutcome);
        }
    }

    /// <summary>Whether the request timeouts middleware's timer, not the client, cancelled the request.</summary>
    private static bool TimedOut(HttpContext context) =>
        context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true;

    /// <summary>A filter undoes what it began for a request that was never answered; the answer is gone, so a failure is only logged.</summary>
    private async ValueTask LeaveAsync(IAnswerFilter filter, HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            await filter.OnAnsweredAsync(context, responded: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // What could not be undone (a claimed key) expires on its own.
            Log.UnexpectedFailure(_logger, e, _name, Activity.Current?.Id ?? "none");
        }
    }
}
