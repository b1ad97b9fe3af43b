namespace Hybrid;

/// <summary>
/// What a stream handler knows about the stream it produces: take it in the handler's constructor
/// (it is scoped to the request). Where a resumed stream continues, and the optional value its
/// <c>done</c> event carries.
/// </summary>
public interface IStreamContext
{
    /// <summary>
    /// <see langword="null"/> when the stream starts; on a reconnect, the position of the last item the
    /// stream already sent (its <see cref="IStreamCursor.Cursor"/>, or its sequence number): produce
    /// only what comes after it.
    /// </summary>
    string? ResumeAfter { get; }

    /// <summary>
    /// The value the stream's <c>done</c> event carries (a count, a summary), serialized as JSON when
    /// the handler ends. Call it before the last item is yielded or after, but before the handler returns.
    /// </summary>
    /// <param name="value">The final value, or <see langword="null"/> for none.</param>
    void SetFinalValue(object? value);
}
