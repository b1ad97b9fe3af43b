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
    private readonly IDistributedCache _cache = cache;

    /// <summary>The door's one store: every tool's keys are kept apart by tool name.</summary>
    public static McpIdempotency For(IServiceProvider services) =>
        services.GetRequiredService<McpTools>().Idempotency ??= new McpIdempotency(services.GetRequiredService<IDistributedCache>());

    /// <summary>Whose key it is: the signed-in user's id, so one caller's key never answers another.</summary>
    private static string Caller(ClaimsPrincipal user) =>
        user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.FindFirst("sub")?.Value ?? user.Identity?.Name ?? string.Empty;

    /// <summary>The pipeline's filter for one tool: the key checked before binding, the result stored once answered.</summary>
    internal sealed class Retries(McpIdempotency owner, IdempotentAttribute idempotent) : IAnswerFilter
    {
        public PipelineStage Stage => PipelineStage.Idempotency;

        public async ValueTask<FilterDecision> OnRequestAsync(HybridFilterContext context)
        {
            var http = context.HttpContext;
            var call = http.Features.GetRequiredFeature<McpCallFeature>();
            if (call.IdempotencyKey is not { } key)
            {
                return idempotent.Required
                    ? FilterDecision.Refuse(OperationProblem.Create(400, ProblemCodes.IdempotencyKeyMissing, $"This tool changes data and must be safe to retry: send a unique key in the call's _meta.{MetaKey} and the same key when you retry."), Guard)
                    : FilterDecision.Continue;
            }

            if (key.Length is 0 or > 255)
            {
                return FilterDecision.Refuse(OperationProblem.Create(400, ProblemCodes.BadRequest, $"_meta.{MetaKey} must be 1 to 255 characters."), Guard);
            }

            var storeKey = "hybrid:mcp:idempotency:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(call.Tool.Name + "\n" + Caller(http.User) + "\n" + key)));
            var fingerprint = SHA256.HashData(call.Arguments);
            if (await owner._cache.GetAsync(storeKey, context.Cancellation).ConfigureAwait(false) is { Length: >= FingerprintBytes } stored)
            {
                return stored.AsSpan(0, FingerprintBytes).SequenceEqual(fingerprint)
                    ? FilterDecision.Answered(new Replay(stored[FingerprintBytes..]), Guard)
                    : FilterDecision.Refuse(OperationProblem.Create(422, ProblemCodes.IdempotencyKeyReused, "This idempotency key was used for a call with other arguments. Use a new key for a new call."), Guard);
            }

            if (!owner._running.TryAdd(storeKey, 0))
            {
                return FilterDecision.Refuse(OperationProblem.Create(409, ProblemCodes.IdempotencyKeyInUse, "A call with this idempotency key is still running. Retry it once that call has finished."), Guard);
            }

            call.Claim = (storeKey, fingerprint);
            return FilterDecision.Continue;
        }

        public async ValueTask OnAnsweredAsync(HttpContext context, bool responded, CancellationToken cancellationToken)
        {
            var call = context.Features.GetRequiredFeature<McpCallFeature>();
            if (call.Claim is not var (key, fingerprint))
            {
                return;
            }

            call.Claim = null;
            try
            {
                if (responded && call.Result is { } result)
                {
                    var record = new byte[FingerprintBytes + result.Length];
                    fingerprint.CopyTo(record, 0);
                    result.CopyTo(record, FingerprintBytes);
                    await owner._cache.SetAsync(key, record, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(idempotent.ExpirySeconds) }, CancellationToken.None).ConfigureAwait(false);
                }
            }
            finally
            {
                owner._running.TryRemove(key, out _);
            }
        }
    }

    private sealed class Replay(byte[] result) : DoorAnswer
    {
        public override string Outcome => "replayed";

        public override Task WriteAsync(HttpContext context, CancellationToken cancellationToken)
        {
            context.Features.GetRequiredFeature<McpCallFeature>().Result = result;
            return Task.CompletedTask;
        }
    }
}
