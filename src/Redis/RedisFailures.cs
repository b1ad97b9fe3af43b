using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Hybrid;

/// <summary>Logs and counts the Redis calls a store gave up on.</summary>
internal sealed class RedisFailures
{
    // Streams append once per flush: an outage would log every batch of every open stream.
    private const long StreamQuietMs = 10_000;

    private readonly Counter<long> _failures;
    private readonly ILogger _logger;
    private long _nextStreamWarning;
    private long _unloggedStreamFailures;

    public RedisFailures(IMeterFactory meters, ILogger<RedisFailures> logger)
    {
        var meter = meters.Create(new MeterOptions(HybridTelemetry.MeterName) { Version = HybridTelemetry.Version });
        _failures = meter.CreateCounter<long>(HybridRedisTelemetry.FailuresInstrument, description: "Redis calls a Hybrid store gave up on: the request went on without the cache.");
        _logger = logger;
    }

    /// <summary>Whether a Redis call failed for want of Redis (unreachable, too slow, refusing: LOADING, READONLY, OOM) rather than a bug.</summary>
    public static bool IsOutage(Exception e) => e is RedisException or TimeoutException;

    public void Record(string operation, Exception exception, string? tag = null)
    {
        _failures.Add(1, new(HybridRedisTelemetry.OperationTag, operation), new(HybridTelemetry.ErrorTypeTag, exception.GetType().FullName));
        if (tag is null)
        {
            RedisLog.GaveUp(_logger, operation, exception);
        }
        else
        {
            RedisLog.EvictionLost(_logger, tag, exception);
        }
    }

    /// <summary>Counts a stream log's failure; logs it unless one was logged in the last 10 s (it then says how many went unlogged).</summary>
    public void RecordStream(string operation, Exception exception)
    {
        _failures.Add(1, new(HybridRedisTelemetry.OperationTag, operation), new(HybridTelemetry.ErrorTypeTag, exception.GetType().FullName));
        var now = Environment.TickCount64;
        var due = Interlocked.Read(ref _nextStreamWarning);
        if (now < due || Interlocked.CompareExchange(ref _nextStreamWarning, now + StreamQuietMs, due) != due)
        {
            Interlocked.Increment(ref _unloggedStreamFailures);
            return;
        }

        RedisLog.StreamLogFailed(_logger, operation, Interlocked.Exchange(ref _unloggedStreamFailures, 0), exception);
    }
}
