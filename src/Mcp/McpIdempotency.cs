using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Mcp;

/// <summary>
/// Keeps an <c>[Idempotent]</c> operation safe to retry through the MCP door, as the REST door's
/// <c>Idempotency-Key</c> does: a call that carries <c>_meta.idempotencyKey</c> stores its result
/// (under the caller, the tool and the key, for the attribute's expiry) in the app's
/// <see cref="IDistributedCache"/>; a retry with the same key and arguments gets that result again
/// without running the handler; the same key with other arguments is 422
/// <c>idempotency_key_reused</c>, and a retry while the first call runs on this instance 409
/// <c>idempotency_key_in_use</c>. A failed call stores nothing, so its retry runs again.
/// </summary>
internal sealed class McpIdempotency(IDistributedCache cache)
{
    /// <summary>The <c>_meta</c> member a client sends the key in.</summary>
    public const string MetaKey = "idempotencyKey";

    private const string Guard = "idempotency";
    private const int FingerprintBytes = 32;

    private readonly ConcurrentDictionary<string, byte> _running = new(StringComparer.Ordinal);

    public static McpIdempotency For(IServiceProvider services) =>
        services.GetRequiredService<McpTools>().Idempotency ??= new McpIdempotency(services.GetRequiredService<IDistributedCache>());

    public async ValueTask<GuardEntry> EnterAsync(HttpContext context, IdempotentAttribute idempotent)
    {
        var call = context.Features.GetRequiredFeature<McpCallFeature>();
        if (call.IdempotencyKey is not { } key)
        {
            return idempotent.Required
                ? GuardEntry.Refuse(OperationProblem.Create(400, ProblemCodes.IdempotencyKeyMissing, $"This tool changes data and must be safe to retry: send a unique key in the call's _meta.{MetaKey} and the same key when you retry."), Guard)
                : GuardEntry.Through(null);
        }

        if (key.Length is 0 or > 255)
        {
            return GuardEntry.Refuse(OperationProblem.Create(400, ProblemCodes.BadRequest, $"_meta.{MetaKey} must be 1 to 255 characters."), Guard);
        }

        var storeKey = "hybrid:mcp:idempotency:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(call.Tool.Name + "\n" + Caller(context.User) + "\n" + key)));
        var fingerprint = SHA256.HashData(call.Arguments);
        if (await cache.GetAsync(storeKey, context.RequestAborted).ConfigureAwait(false) is { Length: >= FingerprintBytes } stored)
        {
            return stored.AsSpan(0, FingerprintBytes).SequenceEqual(fingerprint)
                ? GuardEntry.Answered(new Replay(stored[FingerprintBytes..]), Guard)
                : GuardEntry.Refuse(OperationProblem.Create(422, ProblemCodes.IdempotencyKeyReused, "This idempotency key was used for a call with other arguments. Use a new key for a new call."), Guard);
        }

        if (!_running.TryAdd(storeKey, 0))
        {
            return GuardEntry.Refuse(OperationProblem.Create(409, ProblemCodes.IdempotencyKeyInUse, "A call with this idempotency key is still running. Retry it once that call has finished."), Guard);
        }

        return GuardEntry.Through(new Exit(this, cache, storeKey, fingerprint, TimeSpan.FromSeconds(idempotent.ExpirySeconds)));
    }

    /// <summary>Whose key it is: the signed-in user's id, so one caller's key never answers another.</summary>
    private static string Caller(ClaimsPrincipal user) =>
        user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.FindFirst("sub")?.Value ?? user.Identity?.Name ?? string.Empty;

    private sealed class Replay(byte[] result) : DoorAnswer
    {
        public override string Outcome => "replayed";

        public override Task WriteAsync(HttpContext context)
        {
            context.Features.GetRequiredFeature<McpCallFeature>().Result = result;
            return Task.CompletedTask;
        }
    }

    private sealed class Exit(McpIdempotency owner, IDistributedCache cache, string key, byte[] fingerprint, TimeSpan expiry) : IGuardExit
    {
        public async ValueTask CompleteAsync(HttpContext context)
        {
            if (context.Features.GetRequiredFeature<McpCallFeature>().Result is { } result)
            {
                var record = new byte[FingerprintBytes + result.Length];
                fingerprint.CopyTo(record, 0);
                result.CopyTo(record, FingerprintBytes);
                await cache.SetAsync(key, record, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = expiry }, CancellationToken.None).ConfigureAwait(false);
            }
        }

        public ValueTask DisposeAsync()
        {
            owner._running.TryRemove(key, out _);
            return ValueTask.CompletedTask;
        }
    }
}
