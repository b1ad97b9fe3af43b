namespace Hybrid;

/// <summary>
/// The app's defaults for stream operations (<c>IStreamRequest&lt;T&gt;</c>), reached as
/// <c>options.Streams</c>; an operation's <see cref="StreamingAttribute"/> (or <c>op.Streaming(...)</c>)
/// overrides the per-operation ones. Checked at start-up (HYB097). docs/streaming.md.
/// </summary>
public sealed class HybridStreamOptions
{
    /// <summary>How a cut stream resumes by default. Default <see cref="StreamResume.Log"/>.</summary>
    public StreamResume Resume { get; set; } = StreamResume.Log;

    /// <summary>How long a logged stream stays resumable after its last event. Default 5 minutes.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The most events one stream's log keeps; older ones are dropped, and a reconnect before them gets <c>reset</c>. Default 10,000.</summary>
    public int RetainedEvents { get; set; } = 10_000;

    /// <summary>
    /// The bytes the in-memory log (one instance, without <c>AddHybridRedis</c>) may hold for all streams
    /// together: over it, the logs written to longest ago are dropped, and a reconnect into one gets
    /// <c>reset</c>. Default 64 MiB.
    /// </summary>
    public long MemoryLogBytes { get; set; } = 64L << 20;

    /// <summary>The interval of heartbeat comments on an idle stream. Default 15 seconds; shorter than <see cref="ClientTimeout"/>.</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long the generated clients wait without a byte before they treat the connection as dead and
    /// reconnect (the documents carry it). Default 45 seconds; every heartbeat must be shorter.
    /// </summary>
    public TimeSpan ClientTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>The longest one connection streams before a resumable close. Default 30 minutes.</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The most items written before a flush when a handler has them ready at once. Default 64.</summary>
    public int BufferSize { get; set; } = 64;

    /// <summary>How long a flush may wait on a client that does not read before the connection is closed with <c>slow_consumer</c>. Default 10 seconds.</summary>
    public TimeSpan SlowConsumerTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Streams one caller (by user name, else by connection address) may hold open on an instance; more get 429 <c>too_many_streams</c>. Default 32.</summary>
    public int MaxOpenPerUser { get; set; } = 32;

    /// <summary>Streams an instance holds open at once; more get 429 <c>too_many_streams</c>. Default 10,000.</summary>
    public int MaxOpenPerApp { get; set; } = 10_000;

    /// <summary>How long the response waits for a first item before it sends its headers anyway. Default 250 ms.</summary>
    public TimeSpan HeadersAfter { get; set; } = TimeSpan.FromMilliseconds(250);
}
