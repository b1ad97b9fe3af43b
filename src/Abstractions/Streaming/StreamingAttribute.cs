namespace Hybrid;

/// <summary>
/// A stream operation's settings (<see cref="MediatR.IStreamRequest{TResponse}"/>): how it resumes
/// and its limits. A value left at 0 takes the app's default (<c>HybridOptions.Streams</c>). The
/// same settings can be declared in code with <c>op.Streaming(...)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class StreamingAttribute : Attribute
{
    private StreamResume? _resume;

    /// <summary>How a cut stream resumes; when not set, the app's default (<c>HybridOptions.Streams.Resume</c>, <see cref="StreamResume.Log"/> unless changed).</summary>
    public StreamResume Resume
    {
        get => _resume ?? StreamResume.Log;
        set => _resume = value;
    }

    /// <summary>The resume mode this declaration states, or null when it leaves it to the app.</summary>
    internal StreamResume? DeclaredResume => _resume;

    /// <summary>How long a <see cref="StreamResume.Log"/> stream's items stay resumable after they were sent, in seconds.</summary>
    public int RetentionSeconds { get; set; }

    /// <summary>Seconds between heartbeat comments on an idle stream.</summary>
    public int HeartbeatSeconds { get; set; }

    /// <summary>The longest one connection streams before it ends with a resumable close, in seconds.</summary>
    public int MaxDurationSeconds { get; set; }

    /// <summary>Items held between the handler and a connection; a consumer that stays at the bound is closed with <c>slow_consumer</c>.</summary>
    public int BufferSize { get; set; }
}
