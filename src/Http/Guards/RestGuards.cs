using Hybrid.Http.Idempotency;
using Hybrid.Http.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hybrid.Http;

/// <summary>
/// The REST door's guards, the first stage of its request template (<see cref="RestEndpoint{TRequest, TResponse}"/>):
/// for a route that verifies webhooks, takes an <c>Idempotency-Key</c> or fills a
/// <see cref="HybridRawRequest"/>, the body is read once under the endpoint's limit, a webhook's
/// signature is verified and a processed <c>webhook-id</c> answered, and the key is claimed,
/// replayed or refused. Everything they answer goes through the door's responder and telemetry.
/// </summary>
internal sealed class RestGuards
{
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;
    private readonly string _operation;
    private readonly int _successStatus;
    private readonly bool _fillsRaw;
    private readonly IdempotentRetries _retries;
    private readonly WebhookIds _webhookIds;

    public RestGuards(HybridOperation operation, RestRoute route, IServiceProvider services, IIdempotencyStore idempotency)
    {
        _services = services;
        _operation = operation.RequestType.Name;
        _successStatus = route.StatusCode;
        _fillsRaw = !route.BindsQuery && RawRequestMembers.For(operation.RequestType) is not null;
        _logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Hybrid.Rest");
        var cache = services.GetRequiredService<IDistributedCache>();
        _retries = new IdempotentRetries(idempotency, _logger, _operation, route.EndpointName);
        _webhookIds = new WebhookIds(cache);
    }

    private TimeProvider Clock => _services.GetService<TimeProvider>() ?? TimeProvider.System;

    public ValueTask<GuardEntry> EnterAsync(HttpContext context, EndpointSettings settings) =>
        settings.ReadsBody && (settings.Webhook is not null || settings.Idempotent is not null || _fillsRaw)
            ? GuardAsync(context, settings)
            : default;

    private async ValueTask<GuardEntry> GuardAsync(HttpContext context, EndpointSettings settings)
    {
        ReadOnlyMemory<byte>? buffered;
        try
        {
            buffered = await BodyLimits.BufferAsync(context, settings.BodyLimit).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e)
        {
            // A body cut off mid-way or trickled in too slowly: the client's mistake, answered as binding answers it.
            return GuardEntry.Refuse(e.StatusCode == StatusCodes.Status408RequestTimeout ? OperationProblem.BodyTooSlow() : OperationProblem.UnreadableBody(), "body");
        }

        if (buffered is not { } body)
        {
            return GuardEntry.Refuse(OperationProblem.PayloadTooLarge(), "body_limit");
        }

        context.Features.Set(new BufferedBody(body));
        string? webhookId = null;
        if (settings.Webhook is { } webhook)
        {
            webhookId = Verify(context, webhook, body.Span);
            if (webhookId is null)
            {
                return GuardEntry.Refuse(OperationProblem.Create(401, ProblemCodes.WebhookSignatureInvalid, "The webhook's signature, timestamp or id headers are missing, stale or do not verify."), "webhook");
            }

            if (await _webhookIds.WasProcessedAsync(_operation, webhookId, context.RequestAborted).ConfigureAwait(false))
            {
                RestLog.WebhookRepeated(_logger, _operation, webhookId);
                return GuardEntry.Answered(new RepeatedDelivery(_successStatus), "webhook");
            }
        }

        IGuardExit? claim = null;
        if (settings.Idempotent is { } idempotent)
        {
            var entry = await _retries.BeginAsync(context, idempotent, body).ConfigureAwait(false);
            if (entry.Refusal is not null || entry.Answer is not null)
            {
                return entry;
            }

            claim = entry.Exit;
        }

        return GuardEntry.Through(webhookId is null ? claim : new Delivery(this, webhookId, claim));
    }

    /// <summary>The verified delivery's id, or null (logged) when it must be refused.</summary>
    private string? Verify(HttpContext context, StandardWebhookAttribute webhook, ReadOnlySpan<byte> body)
    {
        // Read on every delivery, so a rotated or reloaded secret applies without a restart.
        var secret = WebhookSecret.Read(_services.GetRequiredService<IConfiguration>()[webhook.SecretKey]);
        if (secret is null)
        {
            RestLog.WebhookSecretMissing(_logger, _operation, webhook.SecretKey);
            return null;
        }

        var reason = WebhookVerifier.Check(context.Request, secret, body, Clock.GetUtcNow(), out var id);
        if (reason is not null)
        {
            RestLog.WebhookRefused(_logger, _operation, reason);
            return null;
        }

        return id;
    }

    /// <summary>A delivery already processed: the route's success status, no body, the handler not run.</summary>
    private sealed class RepeatedDelivery(int status) : DoorAnswer
    {
        public override string Outcome => "repeated";

        public override Task WriteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
    }

    /// <summary>A verified delivery: remembered once the door answered it with success, so a redelivery is not handled twice.</summary>
    private sealed class Delivery(RestGuards owner, string webhookId, IGuardExit? claim) : IGuardExit
    {
        public async ValueTask CompleteAsync(HttpContext context)
        {
            if (claim is not null)
            {
                await claim.CompleteAsync(context).ConfigureAwait(false);
            }

            if (context.Response.StatusCode is >= 200 and < 300)
            {
                await owner._webhookIds.RememberAsync(owner._operation, webhookId, CancellationToken.None).ConfigureAwait(false);
            }
        }

        public ValueTask DisposeAsync() => claim?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
