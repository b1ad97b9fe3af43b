using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hybrid.Http.Idempotency;

/// <summary>
/// The idempotent-retries guard of one REST route (IETF draft "The Idempotency-Key HTTP Header
/// Field"), a stage of the door's template: before binding it claims the key, or answers with the
/// stored response, or refuses (409 in flight, 422 another payload, 400 missing or malformed); a
/// claimed request's answer is stored once the door has written it, and the key released if it never was.
/// </summary>
internal sealed class IdempotentRetries(IIdempotencyStore store, ILogger logger, string operation, string route)
{
    private IIdempotencyStore Store => store;

    private ILogger Logger => logger;

    private string Operation => operation;

    public const string Guard = "idempotency";

    public async ValueTask<GuardEntry> BeginAsync(HttpContext context, IdempotentAttribute idempotent, ReadOnlyMemory<byte> body)
    {
        var request = context.Request;
        // An empty header is no key: generated clients (NSwag's among them) send one for an omitted optional header.
        if (!request.Headers.TryGetValue(IdempotencyKey.Header, out var values) || values.All(string.IsNullOrWhiteSpace))
        {
            return idempotent.Required
                ? GuardEntry.Refuse(OperationProblem.Create(400, ProblemCodes.IdempotencyKeyMissing, "This operation requires an Idempotency-Key header: a unique value per intended request, the same on its retries."), Guard)
                : GuardEntry.Through(null);
        }

        if (!IdempotencyKey.TryRead(values, out var key))
        {
            return GuardEntry.Refuse(OperationProblem.Create(400, ProblemCodes.IdempotencyKeyMissing, $"The Idempotency-Key header must be one value of 1 to {IdempotencyKey.MaxLength} printable ASCII characters, without quotes or backslashes."), Guard);
        }

        var cacheKey = IdempotencyKey.CacheKey(context, route, key);
        var fingerprint = IdempotencyKey.Fingerprint(request, body.Span);
        var expiry = TimeSpan.FromSeconds(idempotent.ExpirySeconds);
        var begun = await store.BeginAsync(cacheKey, fingerprint, expiry, context.RequestAborted).ConfigureAwait(false);
        return begun.State switch
        {
            IdempotencyState.Completed => GuardEntry.Answered(new Replay(begun.Response!, logger, operation), Guard),
            IdempotencyState.InFlight => GuardEntry.Refuse(OperationProblem.Create(409, ProblemCodes.IdempotencyKeyInUse, "A request with this Idempotency-Key is still being processed. Retry later.", "Retry-After", "1"), Guard),
            IdempotencyState.Unavailable => Unavailable(),
            IdempotencyState.Mismatch => GuardEntry.Refuse(OperationProblem.Create(422, ProblemCodes.IdempotencyKeyReused, "This Idempotency-Key was already used with a different request. Use a new key for a new request."), Guard),
            _ => GuardEntry.Through(new Claim(this, context, cacheKey, fingerprint, expiry)),
        };
    }

    private GuardEntry Unavailable()
    {
        RestLog.IdempotencyStoreFull(logger, operation);
        return GuardEntry.Refuse(OperationProblem.Unavailable(TimeSpan.FromSeconds(1)), Guard);
    }

    /// <summary>The stored answer for a repeated key, marked as a replay.</summary>
    private sealed class Replay(StoredResponse stored, ILogger logger, string operation) : DoorAnswer
    {
        public override string Outcome => "replayed";

        public override async Task WriteAsync(HttpContext context)
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
    }

    /// <summary>A claimed key: the answer is captured as the door writes it and stored after; never stored, the key is released.</summary>
    internal sealed class Claim : IGuardExit
    {
        private readonly IdempotentRetries _owner;
        private readonly HttpContext _context;
        private readonly string _cacheKey;
        private readonly byte[] _fingerprint;
        private readonly TimeSpan _expiry;
        private readonly ResponseCapture _capture;
        private bool _stored;

        public Claim(IdempotentRetries owner, HttpContext context, string cacheKey, byte[] fingerprint, TimeSpan expiry)
        {
            _owner = owner;
            _context = context;
            _cacheKey = cacheKey;
            _fingerprint = fingerprint;
            _expiry = expiry;
            _capture = ResponseCapture.Start(context);
        }

        public async ValueTask CompleteAsync(HttpContext context)
        {
            var response = await _capture.FinishAsync().ConfigureAwait(false);
            if (response is { Status: < 500 } && !context.RequestAborted.IsCancellationRequested)
            {
                await _owner.Store.CompleteAsync(_cacheKey, _fingerprint, response, _expiry, CancellationToken.None).ConfigureAwait(false);
                _stored = true;
            }
        }

        public async ValueTask DisposeAsync()
        {
            _capture.Dispose();
            if (!_stored)
            {
                RestLog.NotStored(_owner.Logger, _owner.Operation, _context.Response.StatusCode);

                // Whatever went wrong, the key must not stay claimed: a retry runs the operation again.
                await _owner.Store.ReleaseAsync(_cacheKey, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
