using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hybrid.Http.Idempotency;

/// <summary>
/// The idempotency claim of one REST route (IETF draft "The Idempotency-Key HTTP Header Field"), over
/// the body read whole: it claims the key, or answers with the stored response, or refuses (409 in
/// flight, 422 another payload, 400 missing or malformed). A claimed request's answer is captured as
/// the door writes it and stored once it is written; the key is released if it never was.
/// </summary>
internal sealed class IdempotentRetries(IIdempotencyStore store, IdempotentAttribute idempotent, ILogger logger, string operation, string route) : IAnswerFilter
{
    public const string Guard = "idempotency";

    public PipelineStage Stage => PipelineStage.Idempotency;

    public async ValueTask<FilterDecision> OnRequestAsync(HybridFilterContext context)
    {
        var http = context.HttpContext;
        var request = http.Request;
        // An empty header is no key: generated clients (NSwag's among them) send one for an omitted optional header.
        if (!request.Headers.TryGetValue(IdempotencyKey.Header, out var values) || values.All(string.IsNullOrWhiteSpace))
        {
            return idempotent.Required
                ? FilterDecision.Refuse(OperationProblem.Create(400, ProblemCodes.IdempotencyKeyMissing, "This operation requires an Idempotency-Key header: a unique value per intended request, the same on its retries."), Guard)
                : FilterDecision.Continue;
        }

        if (!IdempotencyKey.TryRead(values, out var key))
        {
            return FilterDecision.Refuse(OperationProblem.Create(400, ProblemCodes.IdempotencyKeyMissing, $"The Idempotency-Key header must be one value of 1 to {IdempotencyKey.MaxLength} printable ASCII characters, without quotes or backslashes."), Guard);
        }

        var cacheKey = IdempotencyKey.CacheKey(http, route, key);
        var fingerprint = IdempotencyKey.Fingerprint(request, http.Features.Get<BufferedBody>()!.Bytes.Span);
        var expiry = TimeSpan.FromSeconds(idempotent.ExpirySeconds);
        var begun = await store.BeginAsync(cacheKey, fingerprint, expiry, context.Cancellation).ConfigureAwait(false);
        switch (begun.State)
        {
            case IdempotencyState.Completed:
                return FilterDecision.Answered(new Replay(begun.Response!, logger, operation), Guard);
            case IdempotencyState.InFlight:
                return FilterDecision.Refuse(OperationProblem.Create(409, ProblemCodes.IdempotencyKeyInUse, "A request with this Idempotency-Key is still being processed. Retry later.", "Retry-After", "1"), Guard);
            case IdempotencyState.Unavailable:
                RestLog.IdempotencyStoreFull(logger, operation);
                return FilterDecision.Refuse(OperationProblem.Unavailable(TimeSpan.FromSeconds(1)), Guard);
            case IdempotencyState.Mismatch:
                return FilterDecision.Refuse(OperationProblem.Create(422, ProblemCodes.IdempotencyKeyReused, "This Idempotency-Key was already used with a different request. Use a new key for a new request."), Guard);
            default:
                // The claim lives with the request, as a feature, until the request is over.
                http.Features.Set(new Claim(cacheKey, fingerprint, expiry, ResponseCapture.Start(http)));
                return FilterDecision.Continue;
        }
    }

    /// <summary>
    /// Stores the claimed request's answer once the door wrote it (unless it was a 5xx, too large to
    /// keep, or the client left before the handler ran), else releases the key, so a retry runs the
    /// operation again.
    /// </summary>
    public async ValueTask OnAnsweredAsync(HttpContext context, bool responded, CancellationToken cancellationToken)
    {
        if (context.Features.Get<Claim>() is not { } claim)
        {
            return;
        }

        context.Features.Set<Claim>(null);
        var stored = false;
        try
        {
            if (responded && await claim.Capture.StopAsync(cancellationToken).ConfigureAwait(false) is { Status: < 500 } response && !cancellationToken.IsCancellationRequested)
            {
                await store.CompleteAsync(claim.CacheKey, claim.Fingerprint, response, claim.Expiry, CancellationToken.None).ConfigureAwait(false);
                stored = true;
            }
        }
        finally
        {
            claim.Capture.Dispose();
            if (!stored)
            {
                RestLog.NotStored(logger, operation, context.Response.StatusCode);

                // Whatever went wrong, the key must not stay claimed: a retry runs the operation again.
                await store.ReleaseAsync(claim.CacheKey, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A claimed key, and the answer being captured for it.</summary>
    private sealed record Claim(string CacheKey, byte[] Fingerprint, TimeSpan Expiry, ResponseCapture Capture);

    /// <summary>The stored answer for a repeated key, marked as a replay.</summary>
    private sealed class Replay(StoredResponse stored, ILogger logger, string operation) : DoorAnswer
    {
        public override string Outcome => "replayed";

        public override async Task WriteAsync(HttpContext context, CancellationToken cancellationToken)
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
                await response.Body.WriteAsync(stored.Body, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
