using System.Globalization;

namespace Hybrid;

/// <summary>
/// One event of a logged stream: its sequence number (1 for the first), what it is, the item's own
/// cursor if it has one (<see cref="IStreamCursor"/>), and its JSON.
/// </summary>
internal sealed record StreamRecord(long Sequence, StreamEventKind Kind, string? Cursor, ReadOnlyMemory<byte> Json)
{
    /// <summary>Whether the record ends the stream (a reconnect after it is answered from the log, never by the handler).</summary>
    public bool Ends => Kind is StreamEventKind.Done or StreamEventKind.Error;

    /// <summary>
    /// Where a handler that runs again continues after this item: its cursor, else its number, which in
    /// a log is its sequence (items come first, and the one end last), so nothing is stored for it.
    /// </summary>
    public string Position => Cursor ?? Sequence.ToString(CultureInfo.InvariantCulture);
}
