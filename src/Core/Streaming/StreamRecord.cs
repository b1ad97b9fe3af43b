namespace Hybrid;

/// <summary>
/// One event of a logged stream: its sequence number (1 for the first), what it is, the position a
/// resumed handler continues after (an item's cursor, else its sequence number), and its JSON.
/// </summary>
internal sealed record StreamRecord(long Sequence, StreamEventKind Kind, string Position, ReadOnlyMemory<byte> Json)
{
    /// <summary>Whether the record ends the stream (a reconnect after it is answered from the log, never by the handler).</summary>
    public bool Ends => Kind is StreamEventKind.Done or StreamEventKind.Error;
}
