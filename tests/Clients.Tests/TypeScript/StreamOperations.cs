using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Runtime.CompilerServices;
using MediatR;
using Microsoft.AspNetCore.Http;

namespace Hybrid.Clients.Tests.TypeScript;

/// <summary>
/// Counts from 1 to <see cref="Count"/> for the Node program's run <see cref="Run"/>, one item every
/// <see cref="DelayMs"/>; fails with <c>count_conflict</c> at <see cref="FailAt"/>; cuts the connection
/// before <see cref="CutAt"/> the first time it gets there. Resumes from its log.
/// </summary>
public sealed record CountTo(string Run, [property: Range(0, 10_000)] int Count, int DelayMs = 0, int? FailAt = null, int? CutAt = null) : IStreamRequest<Tick>;

/// <summary>The same count, resumed by replay (the id is the number), ending each connection after a second.</summary>
[Streaming(Resume = StreamResume.Replay, MaxDurationSeconds = 1)]
public sealed record Recount(string Run, int Count, int DelayMs = 0) : IStreamRequest<Tick>;

public sealed record Tick(int N, string Text);

public sealed class CountToHandler(IStreamContext stream, StreamRuns runs, IHttpContextAccessor http) : IStreamRequestHandler<CountTo, Tick>
{
    public IAsyncEnumerable<Tick> Handle(CountTo request, CancellationToken cancellationToken) =>
        runs.CountAsync(request.Run, request.Count, request.DelayMs, request.FailAt, request.CutAt, stream, http.HttpContext!, cancellationToken);
}

public sealed class RecountHandler(IStreamContext stream, StreamRuns runs, IHttpContextAccessor http) : IStreamRequestHandler<Recount, Tick>
{
    public IAsyncEnumerable<Tick> Handle(Recount request, CancellationToken cancellationToken) =>
        runs.CountAsync(request.Run, request.Count, request.DelayMs, null, null, stream, http.HttpContext!, cancellationToken);
}

/// <summary>What the handlers did for each run: every start with its position and token, ends and cancellations.</summary>
public sealed class StreamRuns
{
    private readonly ConcurrentDictionary<string, RunRecord> _runs = new(StringComparer.Ordinal);

    public RunRecord this[string run] => _runs.GetOrAdd(run, _ => new RunRecord());

    public async IAsyncEnumerable<Tick> CountAsync(string run, int count, int delayMs, int? failAt, int? cutAt, IStreamContext stream, HttpContext http, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var record = this[run];
        record.Started(stream.ResumeAfter, http.Request.Headers.Authorization.ToString());
        try
        {
            var from = stream.ResumeAfter is { } after ? int.Parse(after, CultureInfo.InvariantCulture) : 0;
            for (var n = from + 1; n <= count; n++)
            {
                if (failAt == n)
                {
                    throw new ConflictException("The count met a conflict.", "count_conflict");
                }

                if (cutAt == n && record.Cut())
                {
                    // The items before went out; the connection is then dropped as a network failure would.
                    await Task.Delay(100, cancellationToken);
                    http.Abort();
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }

                if (delayMs > 0)
                {
                    await Task.Delay(delayMs, cancellationToken);
                }

                yield return new Tick(n, "tick " + n);
            }
        }
        finally
        {
            record.Ended(cancellationToken.IsCancellationRequested);
        }
    }
}

/// <summary>One run's record, as <c>GET /runs/{run}</c> answers it.</summary>
public sealed class RunRecord
{
    private readonly ConcurrentQueue<string?> _resumes = new();
    private readonly ConcurrentQueue<string> _authorizations = new();
    private int _ended;
    private int _cancelled;
    private int _cut;

    public IReadOnlyList<string?> Resumes => [.. _resumes];

    public IReadOnlyList<string> Authorizations => [.. _authorizations];

    public int EndedCount => Volatile.Read(ref _ended);

    public int CancelledCount => Volatile.Read(ref _cancelled);

    public void Started(string? resumeAfter, string authorization)
    {
        _resumes.Enqueue(resumeAfter);
        _authorizations.Enqueue(authorization);
    }

    public void Ended(bool cancelled)
    {
        Interlocked.Increment(ref _ended);
        if (cancelled)
        {
            Interlocked.Increment(ref _cancelled);
        }
    }

    /// <summary>True the first time only: the run is cut once.</summary>
    public bool Cut() => Interlocked.Exchange(ref _cut, 1) == 0;
}
