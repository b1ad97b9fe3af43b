using System.Security.Cryptography;
using Hybrid.Http.Idempotency;
using StackExchange.Redis;

namespace Hybrid;

/// <summary>
/// Idempotency records in Redis, claimed atomically across instances: a claim is <c>SET key claim NX PX</c>,
/// so of two instances racing for one key exactly one is told to run. Each record is one string key
/// (cluster-safe: no multi-key command). Redis being unreachable is an exception: the request is a
/// 500 and the operation does not run, since running it unguarded could run it twice.
/// </summary>
internal sealed class RedisIdempotencyStore(RedisConnection redis, string prefix, TimeProvider time) : IIdempotencyStore
{
    // Another instance may complete, release or let a record expire between our SET NX and GET; a few
    // rounds settle it, and a key that keeps changing is reported in flight (the client retries).
    private const int Rounds = 3;

    public async ValueTask<IdempotencyBegin> BeginAsync(string key, byte[] fingerprint, TimeSpan expiry, CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync().ConfigureAwait(false);
        var redisKey = Key(key);
        for (var round = 0; round < Rounds; round++)
        {
            var now = time.GetUtcNow();
            var claim = expiry < DistributedIdempotencyStore.MaxClaim ? expiry : DistributedIdempotencyStore.MaxClaim;
            var claimBytes = new IdempotencyRecord(fingerprint, now + claim, null).ToBytes();
            if (await database.StringSetAsync(redisKey, claimBytes, claim, When.NotExists).ConfigureAwait(false))
            {
                return new(IdempotencyState.Started);
            }

            var bytes = (byte[]?)await database.StringGetAsync(redisKey).ConfigureAwait(false);
            if (bytes is null)
            {
                continue;
            }

            var record = IdempotencyRecord.FromBytes(bytes);
            if (record is not null && record.ExpiresAt > now)
            {
                return !CryptographicOperations.FixedTimeEquals(record.Fingerprint, fingerprint) ? new(IdempotencyState.Mismatch)
                    : record.Response is null ? new(IdempotencyState.InFlight)
                    : new(IdempotencyState.Completed, record.Response);
            }

            // Unreadable, or expired by our clock but not yet by Redis's: take it over only if it is
            // still those bytes, so an instance that wrote in between keeps its claim.
            var takeOver = database.CreateTransaction();
            takeOver.AddCondition(Condition.StringEqual(redisKey, bytes));
            _ = takeOver.StringSetAsync(redisKey, claimBytes, claim);
            if (await takeOver.ExecuteAsync().ConfigureAwait(false))
            {
                return new(IdempotencyState.Started);
            }
        }

        return new(IdempotencyState.InFlight);
    }

    public async ValueTask CompleteAsync(string key, byte[] fingerprint, StoredResponse response, TimeSpan expiry, CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync().ConfigureAwait(false);
        var record = new IdempotencyRecord(fingerprint, time.GetUtcNow() + expiry, response);
        await database.StringSetAsync(Key(key), record.ToBytes(), expiry).ConfigureAwait(false);
    }

    public async ValueTask ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync().ConfigureAwait(false);
        await database.KeyDeleteAsync(Key(key)).ConfigureAwait(false);
    }

    private RedisKey Key(string key) => prefix + key;

    private async Task<IDatabase> DatabaseAsync() => (await redis.ConnectAsync().ConfigureAwait(false)).GetDatabase();
}
