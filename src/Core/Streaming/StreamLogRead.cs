namespace Hybrid;

/// <summary>
/// What a stream's log holds after a position: the records, whether the stream ended, and where a
/// handler that runs again continues (the last logged record's sequence and position).
/// </summary>
internal sealed record StreamLogRead(IReadOnlyList<StreamRecord> Records, bool Ended, long LastSequence, string? LastPosition);
