using System.Text.Json;

namespace Hybrid;

/// <content>An item on the wire, and a batch of them in the log.</content>
internal sealed partial class StreamConnection<TItem>
{
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
}
