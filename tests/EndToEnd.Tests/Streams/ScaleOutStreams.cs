using System.Globalization;
using System.Runtime.CompilerServices;
using MediatR;

namespace Hybrid.EndToEnd.Tests;

/// <summary>Counts from 1 to <see cref="Count"/>, one item every <see cref="DelayMs"/>, continuing after the position a resumed stream hands it.</summary>
[Action("ScaleCount"), RestGet("/scale-count")]
public sealed record ScaleCount(int Count, int DelayMs = 0) : IStreamRequest<ScaleTick>;

/// <summary>As <see cref="ScaleCount"/>, with a log kept one second after its last event.</summary>
[Action("ShortLivedCount"), Streaming(RetentionSeconds = 1)]
public sealed record ShortLivedCount(int Count) : IStreamRequest<ScaleTick>;

public sealed record ScaleTick(int N);

public sealed class ScaleCountHandler(IStreamContext stream, ScaleProbe probe) : IStreamRequestHandler<ScaleCount, ScaleTick>
{
    public IAsyncEnumerable<ScaleTick> Handle(ScaleCount request, CancellationToken cancellationToken) =>
        Counting.CountAsync(stream, probe, request.Count, request.DelayMs, cancellationToken);
}

public sealed class ShortLivedCountHandler(IStreamContext stream, ScaleProbe probe) : IStreamRequestHandler<ShortLivedCount, ScaleTick>
{
    public IAsyncEnumerable<ScaleTick> Handle(ShortLivedCount request, CancellationToken cancellationToken) =>
        Counting.CountAsync(stream, probe, request.Count, 0, cancellationToken);
}

internal static class Counting
{
    public static async IAsyncEnumerable<ScaleTick> CountAsync(IStreamContext stream, ScaleProbe probe, int count, int delayMs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var from = stream.ResumeAfter is { } after ? int.Parse(after, CultureInfo.InvariantCulture) : 0;
        probe.Started(from);
        try
        {
            for (var n = from + 1; n <= count; n++)
            {
                if (delayMs > 0)
                {
                    await Task.Delay(delayMs, cancellationToken);
                }

                yield return new ScaleTick(n);
            }

            stream.SetFinalValue(new { total = count });
        }
        finally
        {
            probe.Ended(cancellationToken.IsCancellationRequested);
        }
    }
}

/// <summary>How many handlers one instance started, how many of them continued a stream from a position, and how many a cut cancelled.</summary>
public sealed class ScaleProbe
{
    private int _started;
    private int _continued;
    private int _cancelled;

    public int CancelledCount => Volatile.Read(ref _cancelled);

    public int StartedCount => Volatile.Read(ref _started);

    public int ContinuedCount => Volatile.Read(ref _continued);

    public void Started(int from)
    {
        Interlocked.Increment(ref _started);
        if (from > 0)
        {
            Interlocked.Increment(ref _continued);
        }
    }

    public void Ended(bool cancelled)
    {
        if (cancelled)
        {
            Interlocked.Increment(ref _cancelled);
        }
    }
}
