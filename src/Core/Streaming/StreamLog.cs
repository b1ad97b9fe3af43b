using Microsoft.Extensions.Logging;

namespace Hybrid;

/// <summary>The streams' log messages.</summary>
internal static partial class StreamLog
{
    [LoggerMessage(EventId = 90, Level = LogLevel.Warning, Message = "{Request}: a stream's events could not be appended to its log; the stream goes on, and a reconnect into what was lost gets reset")]
    public static partial void AppendFailed(ILogger logger, Exception exception, string request);
}
