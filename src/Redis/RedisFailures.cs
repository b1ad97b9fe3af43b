using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Hybrid;

/// <summary>Logs and counts the Redis calls a store gave up on.</summary>
internal sealed class RedisFailures
{
    private readonly Counter<long> _failures;
    private readonly ILogger _logger;

    public RedisFailures(IMeterFactory meters, ILogger<RedisFailures> logger)
    {
        var meter = meters.Create(new MeterOptions(HybridTelemetry.MeterName) { Version = HybridTelemetry.Version });
        _failures = meter.CreateCounter<long>(HybridRedisTelemetry.FailuresInstrument, description: "Redis calls a Hybrid store gave up on: the request went on without the cache.");
        _logger = logger;
    }

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
}
