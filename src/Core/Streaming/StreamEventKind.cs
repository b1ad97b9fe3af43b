namespace Hybrid;

/// <summary>The events of a stream's wire (docs/streaming.md): items, then exactly one end, or a close the client resumes from.</summary>
internal enum StreamEventKind
{
    /// <summary>An item (the SSE default event type, <c>message</c>; JSON Lines <c>"type":"item"</c>).</summary>
    Item,

    /// <summary>The normal end, with the optional final value: <c>{"value":...}</c>.</summary>
    Done,

    /// <summary>A failure after the first item: the problem JSON. Terminal.</summary>
    Error,

    /// <summary>The position cannot be resumed: the problem JSON (<c>stream_reset</c>). Terminal: start over.</summary>
    Reset,

    /// <summary>The credential expired: the problem JSON (<c>auth_expired</c>). Reconnect with a fresh one from the last id.</summary>
    AuthExpired,

    /// <summary>This connection ends (its maximum duration, the instance stopping): <c>{"reason":...}</c>. Reconnect from the last id.</summary>
    Reconnect,
}
