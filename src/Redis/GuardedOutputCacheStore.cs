using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;

namespace Hybrid;

/// <summary>
/// The Redis output cache store, with an outage turned into a miss: the store throws when Redis is
/// unreachable or slow, and the output cache middleware would pass that on as a 500. A failed read
/// is a miss (the handler answers), a failed write is skipped, a failed eviction is logged with its
/// tag; each is counted. An eviction returns only once Redis has carried it out (see <see cref="EvictByTagAsync"/>).
/// </summary>
internal sealed class GuardedOutputCacheStore(IOutputCacheStore inner, RedisFailures failures, RedisConnection connection) : IOutputCacheBufferStore
{
    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.GetAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (RedisFailures.IsOutage(e))
        {
            failures.Record("output_cache.get", e);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        try
        {
            await inner.SetAsync(key, value, tags, validFor, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (RedisFailures.IsOutage(e))
        {
            failures.Record("output_cache.set", e);
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            await inner.EvictByTagAsync(tag, cancellationToken).ConfigureAwait(false);

            // Microsoft's store sends the entries' deletions fire-and-forget, so its eviction returns
            // before Redis has run them, and a read on another instance (another connection) right
            // after the mutation's answer can still find the entry. Commands on one connection run in
            // order: once a PING sent after them is answered, the deletions are done.
            await (await connection.ConnectAsync().ConfigureAwait(false)).GetDatabase().PingAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (RedisFailures.IsOutage(e))
        {
            failures.Record("output_cache.evict", e, tag);
        }
    }

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        try
        {
            if (inner is IOutputCacheBufferStore buffers)
            {
                return await buffers.TryGetAsync(key, destination, cancellationToken).ConfigureAwait(false);
            }

            if (await inner.GetAsync(key, cancellationToken).ConfigureAwait(false) is not { } bytes)
            {
                return false;
            }

            await destination.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (RedisFailures.IsOutage(e))
        {
            failures.Record("output_cache.get", e);
            return false;
        }
    }

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        try
        {
            if (inner is IOutputCacheBufferStore buffers)
            {
                await buffers.SetAsync(key, value, tags, validFor, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await inner.SetAsync(key, value.ToArray(), tags.IsEmpty ? null : tags.ToArray(), validFor, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (RedisFailures.IsOutage(e))
        {
            failures.Record("output_cache.set", e);
        }
    }
}
