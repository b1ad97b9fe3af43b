using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Distributed;

namespace Hybrid.Http.Webhooks;

/// <summary>
/// The <c>webhook-id</c>s an operation processed successfully, kept in <see cref="IDistributedCache"/>
/// for <see cref="Retention"/>, so a redelivery is answered without running the handler again.
/// </summary>
internal sealed class WebhookIds(IDistributedCache cache)
{
    /// <summary>
    /// Far longer than the timestamp tolerance: senders redeliver a failed or unacknowledged message
    /// with the same id and a fresh signature over hours or days.
    /// </summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(3);

    public async Task<bool> WasProcessedAsync(string operation, string id, CancellationToken cancellationToken) =>
        await cache.GetAsync(Key(operation, id), cancellationToken).ConfigureAwait(false) is not null;

    public Task RememberAsync(string operation, string id, CancellationToken cancellationToken) =>
        cache.SetAsync(Key(operation, id), [1], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = Retention }, cancellationToken);

    private static string Key(string operation, string id) =>
        "hybrid:webhook:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(operation + "\n" + id)));
}
