using Microsoft.AspNetCore.Http;

namespace Hybrid;

/// <summary>
/// One request through a door endpoint's pipeline: a struct the endpoint holds while the request
/// runs, so the steps allocate nothing to share it. <see cref="Problem"/> is the one channel of
/// failure, whichever step refused (a filter, the binder, validation, the handler), and it is all the
/// responder reads. <see cref="Cancellation"/> is the token every step is handed: the client's until
/// the handler returns, then <see cref="RequestTokens.Detached"/>.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The handler's response type.</typeparam>
internal struct DoorRequest<TRequest, TResponse>(HttpContext context)
    where TRequest : class
{
    public HttpContext HttpContext { get; } = context;

    public CancellationToken Cancellation { get; private set; } = context.RequestAborted;

    /// <summary>How the arguments arrived (the media type step says).</summary>
    public InputKind Input { get; private set; }

    /// <summary>The bound request, once the binder made it.</summary>
    public TRequest? Request { get; private set; }

    /// <summary>The handler's value, after a success.</summary>
    public TResponse? Value { get; private set; }

    /// <summary>The problem that ends the request: a refusal before the handler, a validation failure, or the handler's.</summary>
    public OperationProblem? Problem { get; private set; }

    /// <summary>OpenTelemetry's <c>error.type</c>: the problem's code, or an unexpected exception's type.</summary>
    public string? ErrorType { get; private set; }

    /// <summary>
    /// Whether the request reached the handler (validation included): a problem without it is a
    /// refusal of the request itself.
    /// </summary>
    public bool HandlerRan { get; private set; }

    /// <summary>What a filter sees of the request.</summary>
    public readonly HybridFilterContext ForFilter => new(HttpContext, Input, Cancellation);

    /// <summary>Takes in what a filter that let the request through learnt.</summary>
    public void Continue(in FilterDecision decision)
    {
        if (decision.Input is { } input)
        {
            Input = input;
        }

        if (decision.Request is { } request)
        {
            Request = (TRequest)request;
        }
    }

    /// <summary>Records why the request failed when no problem says it: <c>canceled</c>, <c>timeout</c>, an exception's type.</summary>
    public void Fail(string? errorType) => ErrorType = errorType;

    public void Refuse(OperationProblem problem)
    {
        Problem = problem;
        ErrorType = problem.Code;
    }

    /// <summary>
    /// The handler's outcome. The handler has returned, so whatever it wrote is written: a client that
    /// leaves now must not cut short what follows (the eviction of what it made stale, its answer, and
    /// that answer stored for its <c>Idempotency-Key</c>, else the retry runs it a second time).
    /// </summary>
    public void Handled(in Outcome<TResponse> outcome)
    {
        HandlerRan = true;
        Value = outcome.Value;
        Problem = outcome.Problem;
        ErrorType = outcome.ErrorType;
        Cancellation = RequestTokens.Detached;
    }
}
