namespace Hybrid;

/// <summary>
/// How a stream operation resumes after its connection was cut: what Hybrid keeps, and what the
/// handler is told when it runs again (<see cref="IStreamContext.ResumeAfter"/>).
/// </summary>
public enum StreamResume
{
    /// <summary>
    /// Every item and the stream's end are kept in a retained log (in memory, or Redis Streams with
    /// <c>AddHybridRedis</c>) for <see cref="StreamingAttribute.RetentionSeconds"/>. A reconnect gets
    /// what the log holds after its <c>Last-Event-ID</c> first; a finished stream answers its end (or
    /// 204 when the client has it); an id the log no longer holds gets a <c>reset</c> event; a stream
    /// cut before its end runs the handler again after the last logged item.
    /// </summary>
    Log,

    /// <summary>
    /// Nothing is kept: a reconnect runs the handler again with the position of the last item the
    /// client received, and the handler continues after it (a live feed that can query "newer than").
    /// </summary>
    Replay,
}
