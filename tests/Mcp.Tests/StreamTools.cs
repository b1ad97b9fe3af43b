using System.Runtime.CompilerServices;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Hybrid.Mcp.Tests;

/// <summary>One count of a stream.</summary>
/// <param name="N">The number.</param>
/// <param name="Text">The number in words, nearly.</param>
public sealed record Tick(int N, string Text);

/// <summary>Counts to a number, one tick at a time.</summary>
[McpTool]
[AllowAnonymous]
public sealed class CountTicks : IStreamRequest<Tick>
{
    /// <summary>Where to stop.</summary>
    public int Count { get; set; }

    /// <summary>Milliseconds to work after each tick.</summary>
    public int DelayMs { get; set; }

    /// <summary>The tick that fails, if any.</summary>
    public int? FailAt { get; set; }

    /// <summary>Whether the failure is a declared problem rather than a bug.</summary>
    public bool Declared { get; set; }

    /// <summary>The tick after which to wait until cancelled, if any.</summary>
    public int? HoldAfter { get; set; }
}

public sealed class CountTicksHandler(IStreamContext stream, TickProbe probe) : IStreamRequestHandler<CountTicks, Tick>
{
    public async IAsyncEnumerable<Tick> Handle(CountTicks request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        probe.Started(stream.ResumeAfter);
        try
        {
            for (var n = 1; n <= request.Count; n++)
            {
                if (request.FailAt == n)
                {
                    throw request.Declared ? new ConflictException("The count met a conflict.", "tick_conflict") : new InvalidOperationException("secret detail");
                }

                probe.Yielded(n);
                yield return new Tick(n, "tick " + n);
                if (request.HoldAfter == n)
                {
                    probe.Holding.TrySetResult();
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }

                if (request.DelayMs > 0)
                {
                    await Task.Delay(request.DelayMs, cancellationToken);
                }
            }

            stream.SetFinalValue(new { total = request.Count });
        }
        finally
        {
            probe.Ended(cancellationToken.IsCancellationRequested);
        }
    }
}

/// <summary>Ticks until its stream's maximum duration stops it.</summary>
[McpTool]
[AllowAnonymous]
[Streaming(MaxDurationSeconds = 1)]
public sealed class TickForever : IStreamRequest<Tick>;

public sealed class TickForeverHandler(TickProbe probe) : IStreamRequestHandler<TickForever, Tick>
{
    public async IAsyncEnumerable<Tick> Handle(TickForever request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        probe.Started(null);
        try
        {
            yield return new Tick(1, "tick 1");
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        finally
        {
            probe.Ended(cancellationToken.IsCancellationRequested);
        }
    }
}

/// <summary>Ticks for a signed-in caller until its stream is stopped.</summary>
[McpTool]
[Authorize]
public sealed class TickForUser : IStreamRequest<Tick>;

public sealed class TickForUserHandler(TickProbe probe) : IStreamRequestHandler<TickForUser, Tick>
{
    public async IAsyncEnumerable<Tick> Handle(TickForUser request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        probe.Started(null);
        try
        {
            yield return new Tick(1, "tick 1");
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        finally
        {
            probe.Ended(cancellationToken.IsCancellationRequested);
        }
    }
}

/// <summary>What the stream handlers did: where they were told to resume, the last tick they yielded, and how they ended.</summary>
public sealed class TickProbe
{
    private int _lastYielded;

    public static Type[] Types { get; } = [typeof(CountTicks), typeof(CountTicksHandler), typeof(TickForever), typeof(TickForeverHandler), typeof(TickForUser), typeof(TickForUserHandler)];

    public List<string?> ResumedAfter { get; } = [];

    public int LastYielded => Volatile.Read(ref _lastYielded);

    public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<bool> Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Started(string? resumeAfter)
    {
        lock (ResumedAfter)
        {
            ResumedAfter.Add(resumeAfter);
        }
    }

    public void Yielded(int n) => Volatile.Write(ref _lastYielded, n);

    public void Ended(bool cancelled) => Finished.TrySetResult(cancelled);
}
