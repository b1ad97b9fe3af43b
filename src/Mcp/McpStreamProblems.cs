using System.Globalization;

namespace Hybrid.Mcp;

/// <summary>
/// How a stream called as a tool ends early, for the caller: over MCP a stream cannot resume, so
/// each limit that closes an HTTP stream resumably (its maximum duration, the app stopping, the
/// credential expiring) is a problem here, and so is a result larger than the door collects.
/// </summary>
internal static class McpStreamProblems
{
    public static readonly OperationProblem TooMany = OperationProblem.Create(429, ProblemCodes.TooManyStreams, "Too many streams are open; finish one or call again shortly.", "Retry-After", "1");

    public static readonly OperationProblem Stopping = OperationProblem.Create(503, ProblemCodes.ServiceUnavailable, "The server is stopping, so the stream was stopped; call the tool again.", "Retry-After", "1");

    public static readonly OperationProblem Expired = OperationProblem.Create(401, ProblemCodes.AuthExpired, "The credential this call was made with expired while the stream ran; call again with a fresh one.");

    public static OperationProblem TooLarge(int maxItems, long maxBytes) => OperationProblem.Create(
        422,
        ProblemCodes.ResultTooLarge,
        string.Create(CultureInfo.InvariantCulture, $"The stream produced more than one tool result holds ({maxItems} items or {maxBytes} bytes of items), so it was stopped. Call it with arguments that select less."));

    public static OperationProblem TooLong(TimeSpan maxDuration) => OperationProblem.Create(
        504,
        ProblemCodes.RequestTimeout,
        string.Create(CultureInfo.InvariantCulture, $"The stream ran for its maximum duration ({maxDuration.TotalSeconds} s) and was stopped; a tool call cannot resume it."));
}
