namespace Hybrid.Actions.Tests;

/// <summary>How many times any request body of a host was read from, for tests that prove a refusal read nothing.</summary>
public sealed class ReadCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Read() => Interlocked.Increment(ref _count);
}
