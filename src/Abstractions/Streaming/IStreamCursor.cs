namespace Hybrid;

/// <summary>
/// An item that names its own position in its stream (a comment's id, a row's key). Its cursor is
/// the item's event id under <see cref="StreamResume.Replay"/> and what
/// <see cref="IStreamContext.ResumeAfter"/> says on a reconnect. An item without one is placed by
/// its sequence number (1 for the first item of the stream).
/// </summary>
/// <remarks>
/// Implement it explicitly (<c>string IStreamCursor.Cursor =&gt; Id.ToString();</c>) to keep it out
/// of the item's JSON.
/// </remarks>
public interface IStreamCursor
{
    /// <summary>The item's position: ASCII letters, digits and <c>-_.:~</c>, at most 128 characters.</summary>
    string Cursor { get; }
}
