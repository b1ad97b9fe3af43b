namespace Hybrid;

/// <summary>
/// Thrown by a stream handler that cannot continue from <see cref="IStreamContext.ResumeAfter"/> (a
/// position older than what it can replay): the client gets a typed <c>reset</c> event (problem code
/// <c>stream_reset</c>) and starts over, never a silent skip.
/// </summary>
public sealed class StreamResetException : HybridProblemException
{
    /// <summary>Creates the reset.</summary>
    /// <param name="detail">Why the position cannot be resumed.</param>
    public StreamResetException(string detail = "The stream cannot continue from this position; start it again.")
        : base(409, ProblemCodes.StreamReset, detail)
    {
    }
}
