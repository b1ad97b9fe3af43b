using MediatR;

namespace Hybrid.Actions.Tests;

/// <summary>What the slow handler saw: that it started, and whether its token was cancelled.</summary>
public sealed class SlowWork
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<bool> Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>Waits until its caller goes away; exposed in code only.</summary>
public sealed class WaitForever : IRequest<string>
{
    public int Id { get; set; }
}

public sealed class WaitForeverHandler(SlowWork work) : IRequestHandler<WaitForever, string>
{
    public async Task<string> Handle(WaitForever request, CancellationToken cancellationToken)
    {
        work.Started.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return "never";
        }
        catch (OperationCanceledException)
        {
            work.Cancelled.TrySetResult(cancellationToken.IsCancellationRequested);
            throw;
        }
    }
}
