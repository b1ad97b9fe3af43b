using System.Collections.Concurrent;

namespace Hybrid.Http.Tests;

/// <summary>What the handlers of the idempotency and webhook tests did: each run, and what each created.</summary>
public sealed class GuardCalls
{
    private int _nextId = 500;

    /// <summary>One entry per handler run: the operation's name and the request.</summary>
    public ConcurrentQueue<(string Operation, object Request)> Runs { get; } = new();

    /// <summary>What the handlers stored (orders placed, events received).</summary>
    public ConcurrentDictionary<int, object> Stored { get; } = new();

    /// <summary>Entered by a blocking handler once it runs; it then waits for <see cref="Proceed"/>.</summary>
    public SemaphoreSlim Entered { get; } = new(0);

    public SemaphoreSlim Proceed { get; } = new(0);

    public int RunsOf(string operation) => Runs.Count(r => r.Operation == operation);

    public int NextId() => Interlocked.Increment(ref _nextId);
}
