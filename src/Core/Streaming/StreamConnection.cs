using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid;

/// <summary>
/// One connection of a stream. The handler runs as the producer, on the connection's token, into a
/// bounded buffer; the connection writes what it finds there, appends it to the log first (a logged
/// stream), and flushes once per batch. Headers go out with the first item or after
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
            limit = expires - shared.Time.GetUtcNow();
        }

        connection.CancelAfter(limit < TimeSpan.Zero ? TimeSpan.Zero : limit);
        var channel = Channel.CreateBounded<TItem>(new BoundedChannelOptions(plan.Settings.BufferSize)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var producer = ProduceAsync(items, channel.Writer, connection);
        Exception? writeFailure = null;
        shared.Metrics.OpenStreams.Add(1, plan.Tag);
        try
        {
            await PumpAsync(channel.Reader, connection.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (connection.IsCancellationRequested)
        {
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            writeFailure = e;
        }
        catch (Exception)
        {
            // The client left while an event was being written.
        }
        finally
        {
            shared.Metrics.OpenStreams.Add(-1, plan.Tag);
            shared.Metrics.StreamItems.Add(_sentHere, plan.Tag);
        }

        // However the pump ended, the handler stops and returns before the request does.
        if (!channel.Reader.Completion.IsCompleted)
        {
            await connection.CancelAsync().ConfigureAwait(false);
        }

        var (completed, failure) = await producer.ConfigureAwait(false);
        await EndAsync(completed, writeFailure ?? failure, expiry).ConfigureAwait(false);
    }

    private async Task PumpAsync(ChannelReader<TItem> reader, CancellationToken token)
    {
        var idle = CancellationTokenSource.CreateLinkedTokenSource(token);
        try
        {
            while (true)
            {
                var wrote = false;
                while (reader.TryRead(out var item))
                {
                    Start();
                    WriteItem(item);
                    wrote = true;
                }

                if (wrote)
                {
                    await AppendPendingAsync(token).ConfigureAwait(false);
                    await Body.FlushAsync(token).ConfigureAwait(false);
                }

                idle.CancelAfter(_started ? plan.Settings.Heartbeat : plan.Shared.Options.HeadersAfter);
                try
                {
                    if (!await reader.WaitToReadAsync(idle.Token).ConfigureAwait(false))
                    {
                        return;
                    }
                }
                catch (OperationCanceledException) when (!token.IsCancellationRequested)
                {
                    idle.Dispose();
                    idle = CancellationTokenSource.CreateLinkedTokenSource(token);
                    if (_started)
                    {
                        StreamEventWriter.WriteHeartbeat(Body, format);
                    }

                    Start();
                    await Body.FlushAsync(token).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            idle.Dispose();
        }
    }

    private async Task<(bool Completed, Exception? Failure)> ProduceAsync(IAsyncEnumerable<TItem> items, ChannelWriter<TItem> writer, CancellationTokenSource connection)
    {
        var token = connection.Token;
        try
        {
            await foreach (var item in items.WithCancellation(token).ConfigureAwait(false))
            {
                if (writer.TryWrite(item))
                {
                    continue;
                }

                if (!await WaitForRoomAsync(writer, token).ConfigureAwait(false))
                {
                    _slow = true;
                    await connection.CancelAsync().ConfigureAwait(false);
                    return (false, null);
                }

                writer.TryWrite(item);
            }

            return (true, null);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return (false, null);
        }
        catch (Exception e)
        {
            return (false, e);
        }
        finally
        {
            writer.TryComplete();
        }
    }

    /// <summary>Waits while the buffer is full, up to <see cref="HybridStreamOptions.SlowConsumerTimeout"/>; false when the consumer stayed stuck.</summary>
    private async Task<bool> WaitForRoomAsync(ChannelWriter<TItem> writer, CancellationToken token)
    {
        using var slow = CancellationTokenSource.CreateLinkedTokenSource(token);
        slow.CancelAfter(plan.Shared.Options.SlowConsumerTimeout);
        try
        {
            return await writer.WaitToWriteAsync(slow.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            return false;
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
            _pending.Add(new StreamRecord(_sequence, StreamEventKind.Item, cursor ?? _itemNumber.ToString(CultureInfo.InvariantCulture), _json.WrittenSpan.ToArray()));
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
