using Microsoft.AspNetCore.Http;

namespace Hybrid.Core.Tests.Pipeline;

/// <summary>What the fake steps saw, in the order they saw it.</summary>
internal sealed class StepLog
{
    public List<string> Entries { get; } = [];

    public List<CancellationToken> Tokens { get; } = [];

    public void Add(string entry, CancellationToken token)
    {
        Entries.Add(entry);
        Tokens.Add(token);
    }
}

/// <summary>A step at <paramref name="stage"/> that continues, refuses or answers as told, and records its after hook.</summary>
internal sealed class FakeFilter(PipelineStage stage, string name, StepLog log, Func<FilterDecision>? decide = null) : IAnswerFilter
{
    public PipelineStage Stage => stage;

    public ValueTask<FilterDecision> OnRequestAsync(HybridFilterContext context)
    {
        log.Add("before " + name, context.Cancellation);
        return new(decide?.Invoke() ?? FilterDecision.Continue);
    }

    public ValueTask OnAnsweredAsync(HttpContext context, bool responded, CancellationToken cancellationToken)
    {
        log.Add($"after {name} responded={responded}", cancellationToken);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A binder that makes the request it is given.</summary>
internal sealed class FakeBinder(object request, StepLog log) : IRequestFilter
{
    public PipelineStage Stage => PipelineStage.Bind;

    public ValueTask<FilterDecision> OnRequestAsync(HybridFilterContext context)
    {
        log.Add("bind", context.Cancellation);
        return new(FilterDecision.Bound(request));
    }
}

/// <summary>A success step that records what it saw.</summary>
internal sealed class FakeSuccessFilter(StepLog log) : ISuccessFilter
{
    public PipelineStage Stage => PipelineStage.Revalidation;

    public ValueTask OnSucceededAsync(HttpContext context, object request, object? value)
    {
        log.Add($"succeeded {value}", default);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A responder that records the one problem (or the value) it was given, and the token.</summary>
internal sealed class FakeResponder<TRequest, TResponse>(StepLog log) : IDoorResponder<TRequest, TResponse>
    where TRequest : class
{
    public Task RespondAsync(in DoorRequest<TRequest, TResponse> request)
    {
        log.Add(request.Problem is { } problem ? $"respond {problem.Code} handlerRan={request.HandlerRan}" : $"respond {request.Value}", request.Cancellation);
        request.HttpContext.Response.StatusCode = request.Problem?.Status ?? 200;
        return Task.CompletedTask;
    }
}

/// <summary>An answer a filter gives itself.</summary>
internal sealed class FakeAnswer(StepLog log) : DoorAnswer
{
    public override string Outcome => "replayed";

    public override Task WriteAsync(HttpContext context, CancellationToken cancellationToken)
    {
        log.Add("answer", cancellationToken);
        context.Response.StatusCode = 200;
        return Task.CompletedTask;
    }
}
