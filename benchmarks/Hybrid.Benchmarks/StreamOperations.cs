using System.Diagnostics;
using System.Runtime.CompilerServices;
using MediatR;

namespace Hybrid.Benchmarks;

/// <summary>
/// The streams benchmark's item: its number and the <see cref="Stopwatch"/> timestamp taken just before
/// it was yielded (monotonic and shared by every process on Linux, so the client can subtract it).
/// </summary>
public sealed record BenchTick(int N, long At);

/// <summary>
/// <see cref="Count"/> small items, one every <see cref="IntervalMs"/> (0: as fast as they are read), as a
/// stream resumed from the log (the default): the action <c>BenchTicks</c> and <c>GET /api/v1/stream/ticks</c>.
/// The baseline endpoint sends the same request through <c>ISender.CreateStream</c>.
/// </summary>
[Action]
[RestGet("stream/ticks")]
public sealed record BenchTicks(int Count, int IntervalMs = 0) : IStreamRequest<BenchTick>;

/// <summary>The same items resumed by replay (nothing kept): <c>GET /api/v1/stream/ticks-replay</c>.</summary>
[RestGet("stream/ticks-replay")]
[Streaming(Resume = StreamResume.Replay)]
public sealed record BenchTicksReplay(int Count, int IntervalMs = 0) : IStreamRequest<BenchTick>;

/// <summary>One item, then nothing until the client leaves: an idle open stream (<c>GET /api/v1/stream/idle</c>).</summary>
[RestGet("stream/idle")]
public sealed record BenchIdle : IStreamRequest<BenchTick>;

public sealed class BenchTicksHandler : IStreamRequestHandler<BenchTicks, BenchTick>, IStreamRequestHandler<BenchTicksReplay, BenchTick>
{
    public IAsyncEnumerable<BenchTick> Handle(BenchTicks request, CancellationToken cancellationToken) =>
        Ticks(request.Count, request.IntervalMs, cancellationToken);

    public IAsyncEnumerable<BenchTick> Handle(BenchTicksReplay request, CancellationToken cancellationToken) =>
        Ticks(request.Count, request.IntervalMs, cancellationToken);

    private static async IAsyncEnumerable<BenchTick> Ticks(int count, int intervalMs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var n = 1; n <= count; n++)
        {
            if (intervalMs > 0)
            {
                await Task.Delay(intervalMs, cancellationToken);
            }

            yield return new BenchTick(n, Stopwatch.GetTimestamp());
        }
    }
}

public sealed class BenchIdleHandler : IStreamRequestHandler<BenchIdle, BenchTick>
{
    public async IAsyncEnumerable<BenchTick> Handle(BenchIdle request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new BenchTick(1, Stopwatch.GetTimestamp());
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
