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
