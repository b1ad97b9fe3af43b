namespace Hybrid;

/// <summary>The instrument and tags Hybrid.Redis adds to Hybrid's meter (<see cref="HybridTelemetry.MeterName"/>).</summary>
public static class HybridRedisTelemetry
{
    /// <summary>
    /// The counter of Redis calls a store gave up on (Redis unreachable or too slow): the request went
    /// on as if the cache had missed or the eviction had happened (a stream went on without its log). Tagged with <see cref="OperationTag"/>
    /// and <see cref="HybridTelemetry.ErrorTypeTag"/> (the exception's type).
    /// </summary>
    public const string FailuresInstrument = "hybrid.redis.failures";

    /// <summary>The tag naming what the store was doing: <c>output_cache.get</c>, <c>output_cache.set</c>, <c>output_cache.evict</c>, <c>stream.append</c> or <c>stream.read</c>.</summary>
    public const string OperationTag = "hybrid.redis.operation";
}
