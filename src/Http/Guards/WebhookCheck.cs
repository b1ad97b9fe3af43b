using Hybrid.Http.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hybrid.Http;

/// <summary>
/// A Standard Webhooks route's verification, over the body read whole: a delivery whose signature,
/// timestamp or id does not verify is 401; one already processed is answered with the route's success
/// status, no body, without the handler. A verified delivery answered with success is remembered, so a
/// redelivery is not handled twice.
/// </summary>
internal sealed class WebhookCheck(StandardWebhookAttribute webhook, IServiceProvider services, ILogger logger, string operation, int successStatus) : IAnswerFilter
{
    public const string Guard = "webhook";

    private readonly WebhookIds _ids = new(services.GetRequiredService<IDistributedCache>());

    public PipelineStage Stage => PipelineStage.Webhook;

    private TimeProvider Clock => services.GetService<TimeProvider>() ?? TimeProvider.System;

    public async ValueTask<FilterDecision> OnRequestAsync(HybridFilterContext context)
    {
        var http = context.HttpContext;
        var id = Verify(http.Request, http.Features.Get<BufferedBody>()!.Bytes.Span);
        if (id is null)
        {
            return FilterDecision.Refuse(OperationProblem.Create(401, ProblemCodes.WebhookSignatureInvalid, "The webhook's signature, timestamp or id headers are missing, stale or do not verify."), Guard);
        }

        if (await _ids.WasProcessedAsync(operation, id, context.Cancellation).ConfigureAwait(false))
        {
            RestLog.WebhookRepeated(logger, operation, id);
            return FilterDecision.Answered(new RepeatedDelivery(successStatus), Guard);
        }

        return FilterDecision.Continue;
    }

    public async ValueTask OnAnsweredAsync(HttpContext context, bool responded, CancellationToken cancellationToken)
    {
        if (responded && context.Response.StatusCode is >= 200 and < 300 && WebhookVerifier.IdOf(context.Request) is { } id)
        {
            await _ids.RememberAsync(operation, id, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The verified delivery's id, or null (logged) when it must be refused.</summary>
    private string? Verify(HttpRequest request, ReadOnlySpan<byte> body)
    {
        // Read on every delivery, so a rotated or reloaded secret applies without a restart.
        var secret = WebhookSecret.Read(services.GetRequiredService<IConfiguration>()[webhook.SecretKey]);
        if (secret is null)
        {
            RestLog.WebhookSecretMissing(logger, operation, webhook.SecretKey);
            return null;
        }

        var reason = WebhookVerifier.Check(request, secret, body, Clock.GetUtcNow(), out var id);
        if (reason is not null)
        {
            RestLog.WebhookRefused(logger, operation, reason);
            return null;
        }

        return id;
    }

    /// <summary>A delivery already processed: the route's success status, no body, the handler not run.</summary>
    private sealed class RepeatedDelivery(int status) : DoorAnswer
    {
        public override string Outcome => "repeated";

        public override Task WriteAsync(HttpContext context, CancellationToken cancellationToken)
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
    }
}
