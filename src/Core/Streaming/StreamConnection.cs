using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid;

/// <summary>
/// One connection of a stream. The connection pulls the handler's items (the handler runs on the
/// connection's token), writes each, appends a batch to the log first (a logged stream), and flushes
/// once per batch. Headers go out with the first item or after
/// <see cref="HybridStreamOptions.HeadersAfter"/>, so a failure before then is a plain status; a
/// heartbeat comment fills every idle <see cref="StreamSettings.Heartbeat"/>. The connection ends with
/// <c>done</c>, <c>error</c>, a resumable <c>reconnect</c> (its maximum duration, the app stopping),
/// <c>auth_expired</c>, or nothing when the client left; the handler has returned (its
/// <c>finally</c> run) before the request ends, whichever it was.
/// </summary>
/// <typeparam name="TItem">The item type.</typeparam>
internal sealed partial class StreamConnection<TItem>(StreamConnection<TItem>.Plan plan, HttpContext context, StreamFormat format) : IDisposable
{
    private static readonly byte[] NoValue = "{}"u8.ToArray();
    private static readonly TimeSpan EndWriteLimit = TimeSpan.FromSeconds(2);

    private readonly ArrayBufferWriter<byte> _json = new(256);
    private readonly List<StreamRecord> _pending = [];
    private Utf8JsonWriter? _writer;
    private bool _started;
    private bool _slow;
    private CancellationTokenSource? _connection;
    private CancellationTokenSource? _idle;
    private Task<bool>? _pendingMove;
    private string? _key;
    private string? _owner;
    private long _sequence;
    private long _itemNumber;
    private long _sentHere;

    private PipeWriter Body => context.Response.BodyWriter;

    private bool Logged => _key is not null;

    public void Dispose() => _writer?.Dispose();

    /// <summary>Answers a position that cannot be resumed with a <c>reset</c> event: the client starts over.</summary>
    public async Task ResetAsync()
    {
        Start();
        var problem = OperationProblem.From(new StreamResetException());
        StreamEventWriter.Write(Body, format, StreamEventKind.Reset, null, plan.Shared.ProblemJson(problem, context));
        await Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>A <see cref="StreamResume.Replay"/> stream: ids are the items' positions; a reconnect hands the last one to the handler.</summary>
    public Task RunAsync(IAsyncEnumerable<TItem> items, string? resumeAfter)
    {
        _itemNumber = long.TryParse(resumeAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var after) ? after : 0;
        return StreamAsync(items, resumeAfter);
    }

    /// <summary>
    /// A <see cref="StreamResume.Log"/> stream: what the log holds after the client's position goes out
    /// first; a stream that ended there ends so again, else the handler continues after the last logged item.
    /// </summary>
    public async Task RunLoggedAsync(IAsyncEnumerable<TItem> items, string key, string owner, StreamLogRead? read)
    {
        (_key, _owner) = (key, owner);
        if (read is null)
        {
            await StreamAsync(items, null).ConfigureAwait(false);
            return;
        }

        Start();
        foreach (var record in read.Records)
        {
            StreamEventWriter.Write(Body, format, record.Kind, StreamEventWriter.EventId.Logged(key, record.Sequence), record.Json.Span);
        }

        if (read.Ended)
        {
            await Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            return;
        }

        _sequence = read.LastSequence;
        _itemNumber = long.TryParse(read.LastPosition, NumberStyles.None, CultureInfo.InvariantCulture, out var after) ? after : read.LastSequence;
        await StreamAsync(items, read.LastPosition).ConfigureAwait(false);
    }

    private async Task StreamAsync(IAsyncEnumerable<TItem> items, string? resumeAfter)
    {
        var shared = plan.Shared;
        context.RequestServices.GetRequiredService<StreamContext>().ResumeAfter = resumeAfter;
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, shared.Stopping);
        var expiry = StreamServices.CredentialExpiry(context);
        var limit = plan.Settings.MaxDuration;
        if (expiry is { } expires && expires - shared.Time.GetUtcNow() < limit)
        {
            // The credential expires before the stream's maximum duration: its timer ends the connection with auth_expired.
            limit = expires - shared.Time.GetUtcNow();
        }
        else
        {
            expiry = null;
        }

        connection.CancelAfter(limit < TimeSpan.Zero ? TimeSpan.Zero : limit);
        _connection = connection;
        _idle = CancellationTokenSource.CreateLinkedTokenSource(connection.Token);
        var enumerator = items.GetAsyncEnumerator(connection.Token);
        shared.Metrics.OpenStreams.Add(1, plan.Tag);
        (bool Completed, Exception? Failure) outcome;
        try
        {
            outcome = await PumpAsync(enumerator, connection.Token).ConfigureAwait(false);
        }
        finally
        {
            // However the pump ended, the handler stops and returns (its finally run) before the request does.
            await StopAsync(enumerator, connection).ConfigureAwait(false);
            _idle.Dispose();
            shared.Metrics.OpenStreams.Add(-1, plan.Tag);
            shared.Metrics.StreamItems.Add(_sentHere, plan.Tag);
        }

        await EndAsync(outcome.Completed, outcome.Failure, expiry).ConfigureAwait(false);
    }

    /// <summary>
    /// Pulls the handler's items and writes them. Items the handler has ready go out in one flush (up
    /// to <see cref="StreamSettings.BufferSize"/>); while it works on the next, what was written is
    /// flushed and the connection waits, with a heartbeat every idle interval (and the headers after
    /// the first <see cref="HybridStreamOptions.HeadersAfter"/>). The handler never runs ahead of the
    /// client by more than a batch and the response's own bounded buffer.
    /// </summary>
    private async Task<(bool Completed, Exception? Failure)> PumpAsync(IAsyncEnumerator<TItem> items, CancellationToken token)
    {
        var batch = 0;
        try
        {
            while (true)
            {
                var next = items.MoveNextAsync();
                bool more;
                if (next.IsCompletedSuccessfully)
                {
                    more = next.Result;
                }
                else
                {
                    if (batch > 0)
                    {
                        await FlushBatchAsync(token).ConfigureAwait(false);
                        batch = 0;
                    }

                    _pendingMove = next.AsTask();
                    more = await WaitForItemAsync(_pendingMove, token).ConfigureAwait(false);
                    _pendingMove = null;
                }

                if (!more)
                {
                    if (batch > 0)
                    {
                        await FlushBatchAsync(token).ConfigureAwait(false);
                    }

                    return (true, null);
                }

                Start();
                WriteItem(items.Current);
                if (++batch >= plan.Settings.BufferSize)
                {
                    await FlushBatchAsync(token).ConfigureAwait(false);
                    batch = 0;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return (false, null);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left while an event was being written.
            return (false, null);
        }
        catch (Exception e)
        {
            return (false, e);
        }
    }

    /// <summary>Waits for the handler's next item, sending the headers and then heartbeats while it works.</summary>
    private async Task<bool> WaitForItemAsync(Task<bool> next, CancellationToken token)
    {
        while (true)
        {
            _idle!.CancelAfter(_started ? plan.Settings.Heartbeat : plan.Shared.Options.HeadersAfter);
            try
            {
                return await next.WaitAsync(_idle.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!next.IsCompleted && !token.IsCancellationRequested)
            {
                _idle.Dispose();
                _idle = CancellationTokenSource.CreateLinkedTokenSource(token);
                if (_started)
                {
                    StreamEventWriter.WriteHeartbeat(Body, format);
                }

                Start();
                await FlushAsync(token).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Appends the batch to the log (a logged stream), then flushes it.</summary>
    private async ValueTask FlushBatchAsync(CancellationToken token)
    {
        await AppendPendingAsync(token).ConfigureAwait(false);
        await FlushAsync(token).ConfigureAwait(false);
    }

    /// <summary>
    /// Flushes what was written. A client that reads more slowly than the stream is produced fills the
    /// response's bounded buffer, and the flush waits; one that stays stuck for
    /// <see cref="HybridStreamOptions.SlowConsumerTimeout"/> is closed with <c>slow_consumer</c>.
    /// </summary>
    private async ValueTask FlushAsync(CancellationToken token)
    {
        var flush = Body.FlushAsync(token);
        if (flush.IsCompletedSuccessfully)
        {
            return;
        }

        using var slow = CancellationTokenSource.CreateLinkedTokenSource(token);
        slow.CancelAfter(plan.Shared.Options.SlowConsumerTimeout);
        try
        {
            await flush.AsTask().WaitAsync(slow.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            _slow = true;
            await _connection!.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Cancels a handler still at work, waits for it to return, and disposes its items.</summary>
    private async Task StopAsync(IAsyncEnumerator<TItem> items, CancellationTokenSource connection)
    {
        if (_pendingMove is { IsCompleted: false } pending)
        {
            await connection.CancelAsync().ConfigureAwait(false);
            try
            {
                await pending.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Its cancellation, or a failure nobody is left to be told of.
            }
        }

        try
        {
            await items.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.UnexpectedFailure(plan.Shared.Logger, e, plan.Operation, context.TraceIdentifier);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void WriteItem(TItem item)
    {
        _json.ResetWrittenCount();
        if (_writer is null)
        {
            _writer = new Utf8JsonWriter(_json);
        }
        else
        {
            _writer.Reset(_json);
        }

        JsonSerializer.Serialize(_writer, item, plan.ItemInfo);
        _itemNumber++;
        _sentHere++;
        var cursor = item is IStreamCursor withCursor ? Checked(withCursor.Cursor) : null;
        StreamEventWriter.EventId id;
        if (Logged)
        {
            id = StreamEventWriter.EventId.Logged(_key!, ++_sequence);
            _pending.Add(new StreamRecord(_sequence, StreamEventKind.Item, cursor, _json.WrittenSpan.ToArray()));
        }
        else
        {
            id = cursor is not null ? new StreamEventWriter.EventId(cursor, null, 0) : StreamEventWriter.EventId.Numbered(_itemNumber);
        }

        StreamEventWriter.Write(Body, format, StreamEventKind.Item, id, _json.WrittenSpan);
    }

    private static string Checked(string cursor) => StreamPosition.IsValid(cursor)
        ? cursor
        : throw new InvalidOperationException($"An item's cursor must be 1 to {StreamPosition.MaxLength} ASCII letters, digits or -_.:~ (IStreamCursor).");

    /// <summary>
    /// Appends this batch to the log before it is flushed. A log that fails (its store is down) does not
    /// fail the stream: the client still gets every event, and a reconnect into what was lost gets
    /// <c>reset</c>; the failure is logged.
    /// </summary>
    private async ValueTask AppendPendingAsync(CancellationToken token)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        try
        {
            // The log copies what it keeps before its first await: the list is reused for the next batch.
            await plan.Shared.Log.AppendAsync(_key!, _owner!, _pending, plan.Settings.Retention, plan.Shared.Options.RetainedEvents, token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            StreamLog.AppendFailed(plan.Shared.Logger, e, plan.Operation);
        }
        finally
        {
            _pending.Clear();
        }
    }

    /// <summary>
    /// The response's headers: the event stream's type, no caching and no transformation on the way,
    /// no buffering in a proxy, and no compression even under <c>UseResponseCompression</c> (an event
    /// must not wait in a compressor): the middleware skips a response that already names its coding.
    /// </summary>
    private void Start()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = StreamFormats.ContentType(format);
        response.Headers.CacheControl = "no-cache, no-transform";
        response.Headers["X-Accel-Buffering"] = "no";
        if (context.Features.Get<IHttpsCompressionFeature>() is { } compression)
        {
            compression.Mode = HttpsCompressionMode.DoNotCompress;
            response.Headers.ContentEncoding = "identity";
        }

        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        StreamEventWriter.WriteOpening(Body, format);
    }
}
