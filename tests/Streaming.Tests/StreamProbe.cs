namespace Hybrid.Streaming.Tests;

/// <summary>What the test handlers did: their starts with resume positions, items produced, ends and whether they were cancelled.</summary>
public sealed class StreamProbe
{
    private readonly List<string?> _starts = [];
    private int _ended;
    private int _cancelled;
    private long _produced;

    public IReadOnlyList<string?> Starts
    {
        get
        {
            lock (_starts)
            {
                return [.. _starts];
            }
        }
    }

    public int EndedCount => Volatile.Read(ref _ended);

    public long ProducedCount => Interlocked.Read(ref _produced);

    public int CancelledCount => Volatile.Read(ref _cancelled);

    public TaskCompletionSource<DateTimeOffset> Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<DateTimeOffset> FirstYielded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Started(string? resumeAfter)
    {
        lock (_starts)
        {
            _starts.Add(resumeAfter);
        }
    }

    public void Produced() => Interlocked.Increment(ref _produced);

    /// <summary>When a handler last yielded its first item.</summary>
    public DateTimeOffset LastFirstYield { get; private set; }

    public void Yielded(int n)
    {
        if (n == 1)
        {
            LastFirstYield = DateTimeOffset.UtcNow;
            FirstYielded.TrySetResult(LastFirstYield);
        }
    }

    public void Ended(bool cancelled)
    {
        Interlocked.Increment(ref _ended);
        if (cancelled)
        {
            Interlocked.Increment(ref _cancelled);
            Cancelled.TrySetResult(DateTimeOffset.UtcNow);
        }
    }
}
