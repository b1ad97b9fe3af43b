namespace Hybrid;

/// <summary>
/// Where <see cref="StreamResume.Log"/> streams keep their events for resuming: in memory on one
/// instance (<see cref="MemoryStreamLog"/>), in Redis Streams with <c>AddHybridRedis</c>, so a client
/// resumes on any instance. A log belongs to the caller and the request that started it
/// (its owner): a reconnect that is not theirs reads nothing.
/// </summary>
internal interface IStreamLog
{
    /// <summary>
    /// Appends records in order (their sequence numbers follow the last), keeping the log for
    /// <paramref name="retention"/> after this append and at most <paramref name="retained"/> records.
    /// The first append creates the log for <paramref name="owner"/>.
    /// </summary>
    ValueTask AppendAsync(string key, string owner, IReadOnlyList<StreamRecord> records, TimeSpan retention, int retained, CancellationToken cancellationToken);

    /// <summary>
    /// The records after <paramref name="afterSequence"/>, or null when the log is unknown, expired,
    /// someone else's, or no longer holds the record after that position (the client must start over).
    /// </summary>
    ValueTask<StreamLogRead?> ReadAfterAsync(string key, string owner, long afterSequence, CancellationToken cancellationToken);
}
