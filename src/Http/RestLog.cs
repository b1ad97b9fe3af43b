using Microsoft.Extensions.Logging;

namespace Hybrid.Http;

/// <summary>The REST door's log messages for idempotent retries and webhooks.</summary>
internal static partial class RestLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "{Operation}: replayed the stored response {Status} for an Idempotency-Key")]
    public static partial void Replayed(ILogger logger, string operation, int status);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "{Operation}: the response {Status} was not stored for its Idempotency-Key; the key was released")]
    public static partial void NotStored(ILogger logger, string operation, int status);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "{Operation}: a webhook was refused: {Reason}")]
    public static partial void WebhookRefused(ILogger logger, string operation, string reason);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "{Operation}: the webhook secret at configuration key '{Key}' is missing or not base64 (whsec_...); every delivery is refused with 401 until it is set")]
    public static partial void WebhookSecretMissing(ILogger logger, string operation, string key);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "{Operation}: the webhook {WebhookId} was already processed; answered without running the handler")]
    public static partial void WebhookRepeated(ILogger logger, string operation, string webhookId);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "{Operation}: the idempotency store did not keep the key's claim (at its size limit); answered 503 without running the operation. Use AddHybridRedis or raise MemoryDistributedCacheOptions.SizeLimit")]
    public static partial void IdempotencyStoreFull(ILogger logger, string operation);
}
