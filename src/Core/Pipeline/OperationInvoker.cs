using System.Diagnostics;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hybrid;

/// <summary>
/// The one pipeline both doors call, typed per operation and prepared at start-up:
/// validate, then <see cref="IMediator.Send{TResponse}"/> (the app's MediatR behaviours run), then
/// an outcome. Expected failures become problems; anything else becomes a 500 with no detail.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The handler's response type.</typeparam>
internal sealed class OperationInvoker<TRequest, TResponse>
    where TRequest : class, IRequest<TResponse>
{
    private readonly RequestValidator<TRequest> _validator;
    private readonly ILogger _logger;
    private readonly string _activityName;

    public OperationInvoker(HybridOperation operation, RequestShape shape, ILoggerFactory loggers)
    {
        Operation = operation;
        _validator = new RequestValidator<TRequest>(shape);
        _logger = loggers.CreateLogger("Hybrid.Pipeline");
        _activityName = "Hybrid " + typeof(TRequest).Name;
    }

    public HybridOperation Operation { get; }

    public async ValueTask<Outcome<TResponse>> InvokeAsync(TRequest request, HttpContext context, string door)
    {
        using var activity = HybridTelemetry.Source.StartActivity(_activityName, ActivityKind.Internal);
        activity?.SetTag("hybrid.door", door);
        activity?.SetTag("hybrid.request", typeof(TRequest).FullName);

        var errors = _validator.Validate(request, context.RequestServices);
        if (errors is not null)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ProblemCodes.ValidationFailed);
            return Outcome<TResponse>.Failure(OperationProblem.Validation(errors));
        }

        try
        {
            var mediator = context.RequestServices.GetRequiredService<IMediator>();
            var value = await mediator.Send(request, context.RequestAborted).ConfigureAwait(false);
            return Outcome<TResponse>.Success(value);
        }
        catch (HybridProblemException e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Code);
            Log.ExpectedFailure(_logger, typeof(TRequest).Name, e.Status, e.Code);
            return Outcome<TResponse>.Failure(OperationProblem.From(e));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ProblemCodes.InternalError);
            Log.UnexpectedFailure(_logger, e, typeof(TRequest).Name, Activity.Current?.Id ?? context.TraceIdentifier);
            return Outcome<TResponse>.Failure(OperationProblem.Internal());
        }
    }
}
