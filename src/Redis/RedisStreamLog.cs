using System.Globalization;
using StackExchange.Redis;

namespace Hybrid;

/// <summary>
/// Logged streams in Redis Streams, so a client resumes on any instance. One stream key per log,
/// <c>{prefix}stream:{key}:{owner}</c>: the owner is part of the name, so a reconnect that is not
/// theirs finds no log. An entry's id is <c>{sequence}-0</c>; an append is one script (one round
/// trip, atomic) that adds the records the log does not hold yet, trims it to the retained count and
/// refreshes its expiry; a read is one transaction. Redis failing is never the stream's failure: an
/// append that fails is counted and logged, and the stream goes on without those records (a resume
/// across them is a <c>reset</c>, never a gap); a read that fails is a <c>reset</c>. docs/scaling-out.md.
/// </summary>
internal sealed class RedisStreamLog(RedisConnection redis, string prefix, RedisFailures failures) : IStreamLog
{
    // A record whose sequence the log already holds is skipped, not added: after a cut, the connection
    // the client left may append once more after another instance resumed the stream from the log.
    // Only ever-higher ids enter the stream, so a read can tell a gap from a whole log.
    private const string AppendScript = """
        local top = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
        local last = 0
        if top[1] then last = tonumber(string.match(top[1][1], '^%d+')) end
        for i = 3, #ARGV, 4 do
          local sequence = tonumber(ARGV[i])
          if sequence > last then
            redis.call('XADD', KEYS[1], ARGV[i] .. '-0', 'k', ARGV[i + 1], 'p', ARGV[i + 2], 'j', ARGV[i + 3])
            last = sequence
          end
        end
        redis.call('XTRIM', KEYS[1], 'MAXLEN', ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        return last
        """;

    private static readonly RedisValue Kind = "k";
    private static readonly RedisValue Position = "p";
    private static readonly RedisValue Json = "j";

    public async ValueTask AppendAsync(string key, string owner, IReadOnlyList<StreamRecord> records, TimeSpan retention, int retained, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var values = new RedisValue[2 + (4 * records.Count)];
        values[0] = Math.Max(1, (long)Math.Ceiling(retention.TotalMilliseconds));
        values[1] = Math.Max(1, retained);
        var at = 2;
        foreach (var record in records)
        {
            values[at++] = record.Sequence;
            values[at++] = (int)record.Kind;
            values[at++] = record.Position;
            values[at++] = record.Json;
        }

        try
        {
            var database = (await redis.ConnectAsync().ConfigureAwait(false)).GetDatabase();
            await database.ScriptEvaluateAsync(AppendScript, [Key(key, owner)], values).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (RedisFailures.IsOutage(e))
        {
            failures.RecordStream("stream.append", e);
        }
    }

    public async ValueTask<StreamLogRead?> ReadAfterAsync(string key, string owner, long afterSequence, CancellationToken cancellationToken)
    {
        if (afterSequence < 0)
        {
            return null;
        }

        StreamEntry[] after, tail;
        try
        {
            var database = (await redis.ConnectAsync().ConfigureAwait(false)).GetDatabase();
            var redisKey = Key(key, owner);

            // One transaction: an append between the two reads would hand the handler a position past the records sent.
            var read = database.CreateTransaction();
            var afterTask = read.StreamRangeAsync(redisKey, Id(afterSequence + 1), "+");
            var tailTask = read.StreamRangeAsync(redisKey, "-", "+", 2, Order.Descending);
            await read.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            (after, tail) = (await afterTask.ConfigureAwait(false), await tailTask.ConfigureAwait(false));
        }
        catch (Exception e) when (RedisFailures.IsOutage(e))
        {
            failures.RecordStream("stream.read", e);
            return null;
        }

        return Interpret(afterSequence, after, tail);
    }

    /// <summary>
    /// What a read found: null unless the log holds every record after the position, in sequence
    /// (nothing trimmed before it, no append lost in between).
    /// </summary>
    private static StreamLogRead? Interpret(long afterSequence, StreamEntry[] after, StreamEntry[] tail)
    {
        if (tail.Length == 0 || Sequence(tail[0]) < afterSequence)
        {
            return null;
        }

        var records = new StreamRecord[after.Length];
        for (var i = 0; i < after.Length; i++)
        {
            records[i] = Record(after[i]);
            if (records[i].Sequence != afterSequence + 1 + i)
            {
                return null;
            }
        }

        var last = Record(tail[0]);
        var lastItem = last.Kind == StreamEventKind.Item ? last
            : Array.FindLast(records, r => r.Kind == StreamEventKind.Item)
            ?? (tail.Length > 1 && Record(tail[1]) is { Kind: StreamEventKind.Item } before ? before : null);
        return new StreamLogRead(records, last.Ends, last.Sequence, lastItem?.Position);
    }

    private static StreamRecord Record(StreamEntry entry) => new(
        Sequence(entry),
        (StreamEventKind)(int)entry[Kind],
        (string)entry[Position]!,
        (byte[])entry[Json]!);

    private static long Sequence(StreamEntry entry)
    {
        var id = (string)entry.Id!;
        return long.Parse(id.AsSpan(0, id.IndexOf('-', StringComparison.Ordinal)), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static RedisValue Id(long sequence) => sequence.ToString(CultureInfo.InvariantCulture) + "-0";

    private RedisKey Key(string key, string owner) => prefix + "stream:" + key + ":" + owner;
}
