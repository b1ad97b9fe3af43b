using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hybrid.Http.Idempotency;

/// <summary>
/// Runs one request of an <see cref="IdempotentAttribute"/> route under its <c>Idempotency-Key</c>
/// (IETF draft "The Idempotency-Key HTTP Header Field"): claims the key, runs the endpoint and
/// stores its response; or replays the stored one, or refuses (409 in flight, 422 another payload,
/// 400 missing or malformed), without running the endpoint.
/// </summary>
internal sealed class IdempotentRetries(IIdempotencyStore store, ILogger logger, string operation, string route)
{
    public async Task RunAsync(HttpContext context, IdempotentAttribute idempotent, ReadOnlyMemory<byte> body, Func<HttpContext, Task> next)
    {
        var request = context.Request;
        // An empty header is no key: generated clients (NSwag's among them) send one for an omitted optional header.
        if (!request.Headers.TryGetValue(IdempotencyKey.Header, out var values) || values.All(string.IsNullOrWhiteSpace))
        {
            if (idempotent.Required)
            {
                await Refuse(context, 400, ProblemCodes.IdempotencyKeyMissing, "This operation requires an Idempotency-Key header: a unique value per intended request, the same on its retries.").ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
            return;
        }

        if (!IdempotencyKey.TryRead(values, out var key))
        {
            await Refuse(context, 400, ProblemCodes.IdempotencyKeyMissing, $"The Idempotency-Key header must be one value of 1 to {IdempotencyKey.MaxLength} visible ASCII characters.").ConfigureAwait(false);
            return;
        }

        var cacheKey = IdempotencyKey.CacheKey(context, route, key);
        var fingerprint = IdempotencyKey.Fingerprint(request, body.Span);
        var expiry = TimeSpan.FromSeconds(idempotent.ExpirySeconds);
        var begun = await store.BeginAsync(cacheKey, fingerprint, expiry, context.RequestAborted).ConfigureAwait(false);
        switch (begun.State)
        {
            case IdempotencyState.Completed:
                await ReplayAsync(context, begun.Response!).ConfigureAwait(false);
                return;
            case IdempotencyState.InFlight:
                await Refuse(context, 409, ProblemCodes.IdempotencyKeyInUse, "A request with this Idempotency-Key is still being processed. Retry later.", "Retry-After", "1").ConfigureAwait(false);
                return;
            case IdempotencyState.Mismatch:
                await Refuse(context, 422, ProblemCodes.IdempotencyKeyReused, "This Idempotency-Key was already used with a different request. Use a new key for a new request.").ConfigureAwait(false);
                return;
        }

        using var capture = ResponseCapture.Start(context);
        var stored = false;
        try
        {
            await next(context).ConfigureAwait(false);
            var response = await capture.FinishAsync().ConfigureAwait(false);
            if (response is { Status: < 500 } && !context.RequestAborted.IsCancellationRequested)
            {
                await store.CompleteAsync(cacheKey, fingerprint, response, expiry, CancellationToken.None).ConfigureAwait(false);
                stored = true;
            }
        }
        finally
        {
            capture.Dispose();
            if (!stored)
            {
                RestLog.NotStored(logger, operation, context.Response.StatusCode);

                // Whatever went wrong, the key must not stay claimed: a retry runs the operation again.
                await store.ReleaseAsync(cacheKey, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task ReplayAsync(HttpContext context, StoredResponse stored)
    {
        RestLog.Replayed(logger, operation, stored.Status);
        var response = context.Response;
        response.StatusCode = stored.Status;
        foreach (var (name, value) in stored.Headers)
        {
            response.Headers[name] = value;
        }

        response.Headers[IdempotencyKey.ReplayedHeader] = "true";
        response.ContentLength = stored.Body.Length;
        if (stored.Body.Length > 0)
        {
            await response.Body.WriteAsync(stored.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private Task Refuse(HttpContext context, int status, string code, string detail, string? header = null, string? value = null)
    {
        Log.Rejected(logger, HybridDoors.Rest, status, code);
        return ProblemWriter.WriteAsync(context, OperationProblem.Create(status, code, detail, header, value));
    }
}
