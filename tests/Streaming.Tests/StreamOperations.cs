using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Hybrid.Streaming.Tests;

/// <summary>Counts from 1 to <see cref="Count"/>, one item every <see cref="DelayMs"/>; throws at <see cref="FailAt"/> when set.</summary>
[Action("Count"), RestGet("/count"), RestPost("/count")]
[ProducesProblem(409, "count_conflict")]
public sealed record CountTo([property: Range(0, 1_000_000)] int Count, int DelayMs = 0, int? FailAt = null, bool Declared = false, int Size = 0) : IStreamRequest<Tick>;

public sealed record Tick(int N, string Text);

public sealed class CountToHandler(IStreamContext stream, StreamProbe probe) : IStreamRequestHandler<CountTo, Tick>
{
    public async IAsyncEnumerable<Tick> Handle(CountTo request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        probe.Started(stream.ResumeAfter);
        try
        {
            var from = stream.ResumeAfter is { } after ? int.Parse(after, System.Globalization.CultureInfo.InvariantCulture) : 0;
            var padding = new string('x', request.Size);
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

                probe.Produced();
                yield return new Tick(n, request.Size > 0 ? padding : "tick " + n);
            }

            stream.SetFinalValue(new { total = request.Count });
        }
        finally
        {
            probe.Ended(cancellationToken.IsCancellationRequested);
        }
    }
}

/// <summary>A live feed resumed by its items' own cursors: letters after the one given.</summary>
[Action("Letters"), RestGet("/letters")]
[Streaming(Resume = StreamResume.Replay)]
public sealed record Letters(string Upto) : IStreamRequest<Letter>;

public sealed record Letter(string Value) : IStreamCursor
{
    string IStreamCursor.Cursor => "at-" + Value;
}

public sealed class LettersHandler(IStreamContext stream, StreamProbe probe) : IStreamRequestHandler<Letters, Letter>
{
    public async IAsyncEnumerable<Letter> Handle(Letters request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        probe.Started(stream.ResumeAfter);
        var start = stream.ResumeAfter is { } after ? after[^1] + 1 : 'a';
        for (var c = (char)start; c <= request.Upto[0]; c++)
        {
            await Task.Yield();
            yield return new Letter(c.ToString());
        }
    }
}

/// <summary>Yields <see cref="First"/> items at once, then waits until cancelled (or <see cref="PauseMs"/>), then one more.</summary>
[Action("Idle"), RestGet("/idle")]
[Authorize]
public sealed record Idle(int First = 1, int PauseMs = -1) : IStreamRequest<Tick>;

public sealed class IdleHandler(StreamProbe probe) : IStreamRequestHandler<Idle, Tick>
{
    public async IAsyncEnumerable<Tick> Handle(Idle request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        probe.Started(null);
        try
        {
            for (var n = 1; n <= request.First; n++)
            {
                probe.Yielded(n);
                yield return new Tick(n, "now");
            }

            await Task.Delay(request.PauseMs, cancellationToken);
            yield return new Tick(request.First + 1, "later");
        }
        finally
        {
            probe.Ended(cancellationToken.IsCancellationRequested);
        }
    }
}

/// <summary>Refuses before its first item, by a problem of its own.</summary>
[Action("Missing"), RestGet("/missing/{id}")]
[ProducesProblem(404, "thing_not_found")]
public sealed record Missing(int Id) : IStreamRequest<Tick>;

public sealed class MissingHandler : IStreamRequestHandler<Missing, Tick>
{
    public async IAsyncEnumerable<Tick> Handle(Missing request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (request.Id > 0)
        {
            throw new NotFoundException($"No thing {request.Id}.", "thing_not_found");
        }

        yield return new Tick(0, "zero");
    }
}

/// <summary>A stream behaviour: it sees every item of every stream, as MediatR's stream pipeline runs it.</summary>
public sealed class SuffixBehavior<TRequest, TItem> : IStreamPipelineBehavior<TRequest, TItem>
    where TRequest : notnull
{
    public async IAsyncEnumerable<TItem> Handle(TRequest request, StreamHandlerDelegate<TItem> next, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in next().WithCancellation(cancellationToken))
        {
            yield return item is Tick tick ? (TItem)(object)(tick with { Text = tick.Text + "!" }) : item;
        }
    }
}

/// <summary>An operation answered once, for the stream settings checks.</summary>
[Action("Ping")]
public sealed record Ping : IRequest<string>;

public sealed class PingHandler : IRequestHandler<Ping, string>
{
    public Task<string> Handle(Ping request, CancellationToken cancellationToken) => Task.FromResult("pong");
}
