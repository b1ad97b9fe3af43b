namespace Hybrid;

/// <summary>The request's <see cref="IStreamContext"/>: set by the stream's responder before the handler runs, read when it ends.</summary>
internal sealed class StreamContext : IStreamContext
{
    public string? ResumeAfter { get; internal set; }

    /// <summary>Whether <see cref="SetFinalValue"/> was called.</summary>
    public bool HasFinalValue { get; private set; }

    public object? FinalValue { get; private set; }

    public void SetFinalValue(object? value)
    {
        FinalValue = value;
        HasFinalValue = true;
    }
}
