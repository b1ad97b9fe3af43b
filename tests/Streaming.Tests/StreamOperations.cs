using System.Runtime.CompilerServices;
using MediatR;

namespace Hybrid.Streaming.Tests;

/// <summary>Counts from 1 to <see cref="Count"/>, one item every <see cref="DelayMs"/>; throws at <see cref="FailAt"/> when set.</summary>
[Action("Count"), RestGet("/count"), RestPost("/count")]
public sealed record CountTo(int Count, int DelayMs = 0, int? FailAt = null, bool Declared = false) : IStreamRequest<Tick>;

public sealed record Tick(int N, string Text);

public sealed class CountToHandler(IStreamContext stream, StreamProbe probe) : IStreamRequestHandler<CountTo, Tick>
{
    public async IAsyncEnumerable<Tick> Handle(CountTo request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        probe.Started(stream.ResumeAfter);
        try
        {
            var from = stream.ResumeAfter is { } after ? int.Parse(after, System.Globalization.CultureInfo.InvariantCulture) : 0;
            for (var n = from + 1; n <= request.Count; n++)
            {
                if (request.FailAt == n)
                {
                    throw request.Declared ? new ConflictException("The count met a conflict.", "count_conflict") : new InvalidOperationException("secret detail");
                }

                if (request.DelayMs > 0)
                {
                    await Task.Delay(request.DelayMs, cancellationToken);
                }

                yield return new Tick(n, "tick " + n);
            }

            stream.SetFinalValue(new { total = request.Count });
        }
        finally
        {
            probe.Ended(cancellationToken.IsCancellationRequested);
        }
    }
}

/// <summary>What the test handlers did: starts with their resume positions, ends and whether they were cancelled.</summary>
public sealed class StreamProbe
{
    private readonly List<string?> _starts = [];
    private int _ended;
    private int _cancelled;

    public IReadOnlyList<string?> Starts { get { lock (_starts) { return [.. _starts]; } } }

    public int EndedCount => Volatile.Read(ref _ended);

    public int CancelledCount => Volatile.Read(ref _cancelled);

    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Started(string? resumeAfter)
    {
        lock (_starts)
        {
            _starts.Add(resumeAfter);
        }
    }

    public void Ended(bool cancelled)
    {
        Interlocked.Increment(ref _ended);
        if (cancelled)
        {
            Interlocked.Increment(ref _cancelled);
            Cancelled.TrySetResult();
        }
    }
}
