using Microsoft.Extensions.Logging;

namespace Hybrid;

internal static partial class RedisLog
{
    [LoggerMessage(EventId = 60, Level = LogLevel.Warning, Message = "Redis {Operation} failed; the request went on without the cache")]
    public static partial void GaveUp(ILogger logger, string operation, Exception exception);

    // The tag is logged so an operator can evict it by hand: entries under it may be stale until they expire.
    [LoggerMessage(EventId = 61, Level = LogLevel.Error, Message = "Redis could not evict the output cache tag {Tag}; its entries may be served stale until they expire")]
    public static partial void EvictionLost(ILogger logger, string tag, Exception exception);

    // Throttled (RedisFailures.RecordStream): the count says how many failures the quiet period hid.
    [LoggerMessage(EventId = 62, Level = LogLevel.Warning, Message = "Redis {Operation} failed; streams go on, but cannot be resumed across the outage ({Unlogged} earlier stream log failures were not logged)")]
    public static partial void StreamLogFailed(ILogger logger, string operation, long unlogged, Exception exception);
}
