using System.Diagnostics;
using Hybrid.Http.Idempotency;
using Hybrid.Http.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hybrid.Http;

/// <summary>
/// Stands in front of one REST route's endpoint for what must happen before binding: a webhook's
/// signature is verified and a processed <c>webhook-id</c> answered, an <c>Idempotency-Key</c> is
/// claimed, replayed or refused, and for either (or a <see cref="HybridRawRequest"/> member) the body
/// is buffered once so every step sees the same bytes. The declarations are read from the routed
/// endpoint's metadata on each request, so metadata added in code counts as attributes do.
/// </summary>
internal sealed class GuardedRestEndpoint : IDoorEndpoint
{
    private readonly IDoorEndpoint _inner;
    private readonly RestRoute _route;
    private readonly long _defaultLimit;
    private readonly bool _readsBody;
    private readonly bool _takesKey;
    private readonly bool _fillsRaw;
    private readonly string _operation;
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;
    private readonly IdempotentRetries _retries;
    private readonly WebhookIds _webhookIds;

    public GuardedRestEndpoint(IDoorEndpoint inner, RestRoute route, IServiceProvider services, long defaultLimit)
    {
        _inner = inner;
        _route = route;
        _services = services;
        _defaultLimit = defaultLimit;
        _readsBody = !route.BindsQuery;
        _takesKey = CatalogBuilder.TakesIdempotencyKey(route.Method);
        _fillsRaw = _readsBody && RawRequestMembers.For(inner.Operation.RequestType) is not null;
        _operation = inner.Operation.RequestType.Name;
        _logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Hybrid.Rest");
        var cache = services.GetRequiredService<IDistributedCache>();

        // Made here, not on first use: two first requests must share one store and its locks.
        _retries = new IdempotentRetries(services.GetService<IIdempotencyStore>() ?? new DistributedIdempotencyStore(cache, Clock), _logger, _operation, route.EndpointName);
        _webhookIds = new WebhookIds(cache);
    }

    public HybridOperation Operation => _inner.Operation;

    public IReadOnlyList<object> Metadata => _inner.Metadata;

    public void Configure(IReadOnlyList<object> metadata)
    {
        CatalogBuilder.CheckIdempotentEndpoint(Operation, metadata);
        _inner.Configure(metadata);
    }

    public Task HandleAsync(HttpContext context)
    {
        if (!_readsBody)
        {
            return _inner.HandleAsync(context);
        }

        var metadata = context.GetEndpoint()?.Metadata;
        var webhook = metadata?.GetMetadata<StandardWebhookAttribute>();
        var idempotent = _takesKey ? metadata?.GetMetadata<IdempotentAttribute>() : null;
        return webhook is null && idempotent is null && !_fillsRaw
            ? _inner.HandleAsync(context)
            : GuardAsync(context, metadata?.GetMetadata<IRequestSizeLimitMetadata>(), webhook, idempotent);
    }

    private async Task GuardAsync(HttpContext context, IRequestSizeLimitMetadata? sizeLimit, StandardWebhookAttribute? webhook, IdempotentAttribute? idempotent)
    {
        try
        {
            var body = await BufferedBody.ReadAsync(context, sizeLimit is null ? _defaultLimit : sizeLimit.MaxRequestBodySize).ConfigureAwait(false);
            if (body is null)
            {
                await ProblemWriter.WriteAsync(context, OperationProblem.PayloadTooLarge()).ConfigureAwait(false);
                return;
            }

            string? webhookId = null;
            if (webhook is not null)
            {
                webhookId = Verify(context, webhook, body.Bytes.Span);
                if (webhookId is null)
                {
                    await ProblemWriter.WriteAsync(context, OperationProblem.Create(401, ProblemCodes.WebhookSignatureInvalid, "The webhook's signature, timestamp or id headers are missing, stale or do not verify.")).ConfigureAwait(false);
                    return;
                }

                if (await _webhookIds.WasProcessedAsync(_operation, webhookId, context.RequestAborted).ConfigureAwait(false))
                {
                    RestLog.WebhookRepeated(_logger, _operation, webhookId);
                    context.Response.StatusCode = _route.StatusCode;
                    return;
                }
            }

            if (idempotent is not null)
            {
                await _retries.RunAsync(context, idempotent, body.Bytes, _inner.HandleAsync).ConfigureAwait(false);
            }
            else
            {
                await _inner.HandleAsync(context).ConfigureAwait(false);
            }

            if (webhookId is not null && context.Response.StatusCode is >= 200 and < 300)
            {
                await _webhookIds.RememberAsync(_operation, webhookId, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception e)
        {
            RestLog.GuardFailed(_logger, e, _operation, Activity.Current?.Id ?? context.TraceIdentifier);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await ProblemWriter.WriteAsync(context, OperationProblem.Internal()).ConfigureAwait(false);
            }
        }
    }

    private TimeProvider Clock => _services.GetService<TimeProvider>() ?? TimeProvider.System;

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
}
