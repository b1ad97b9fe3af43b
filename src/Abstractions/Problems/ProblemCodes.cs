namespace Hybrid;

/// <summary>
/// The stable, machine-readable <c>code</c> members of Hybrid's problem details. Clients branch on
/// these, never on <c>title</c> or <c>detail</c>.
/// </summary>
public static class ProblemCodes
{
    /// <summary>400: the request failed validation; <c>errors</c> lists the fields.</summary>
    public const string ValidationFailed = "validation_failed";

    /// <summary>400: the body is not well-formed JSON or does not fit the request type.</summary>
    public const string InvalidJson = "invalid_json";

    /// <summary>400: the server could not read the request (malformed framing or form).</summary>
    public const string BadRequest = "bad_request";

    /// <summary>400: the antiforgery token is missing or wrong.</summary>
    public const string AntiforgeryFailed = "antiforgery_failed";

    /// <summary>401: the endpoint needs a credential the request did not carry (or one it does not accept).</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>403: the request came from another site (Origin / Sec-Fetch-Site).</summary>
    public const string CrossSiteRequest = "cross_site_request";

    /// <summary>403: the caller may not do this (the handler or an authorization policy refused).</summary>
    public const string Forbidden = "forbidden";

    /// <summary>404: the handler found nothing.</summary>
    public const string NotFound = "not_found";

    /// <summary>404: no action has the requested id.</summary>
    public const string UnknownAction = "unknown_action";

    /// <summary>405: the action door only answers POST; a REST route does not take the method (<c>Allow</c> lists those it takes).</summary>
    public const string MethodNotAllowed = "method_not_allowed";

    /// <summary>409: the operation conflicts with the current state.</summary>
    public const string Conflict = "conflict";

    /// <summary>413: the body is larger than the door accepts.</summary>
    public const string PayloadTooLarge = "payload_too_large";

    /// <summary>415: the body's media type is not one the door reads.</summary>
    public const string UnsupportedMediaType = "unsupported_media_type";

    /// <summary>404: no REST route matches the path (answered under the REST prefix).</summary>
    public const string RouteNotFound = "route_not_found";

    /// <summary>412: <c>If-Match</c> names a version the resource no longer has, or the handler found the resource changed.</summary>
    public const string PreconditionFailed = "precondition_failed";

    /// <summary>422: the request is valid but the current state cannot carry it out.</summary>
    public const string Unprocessable = "unprocessable";

    /// <summary>429: the caller exceeded the operation's rate limit; <c>Retry-After</c> says when to try again.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>400: the operation requires an <c>Idempotency-Key</c> header and the request had none (or an invalid one).</summary>
    public const string IdempotencyKeyMissing = "idempotency_key_missing";

    /// <summary>409: a request with the same <c>Idempotency-Key</c> is still being processed.</summary>
    public const string IdempotencyKeyInUse = "idempotency_key_in_use";

    /// <summary>422: the <c>Idempotency-Key</c> was already used with a different payload.</summary>
    public const string IdempotencyKeyReused = "idempotency_key_reused";

    /// <summary>401: a webhook's signature, timestamp or id headers are missing, stale or do not verify.</summary>
    public const string WebhookSignatureInvalid = "webhook_signature_invalid";

    /// <summary>408: the body arrived more slowly than the server's minimum data rate (Kestrel's <c>MinRequestBodyDataRate</c>); the connection closes.</summary>
    public const string BodyTooSlow = "body_too_slow";

    /// <summary>503: a dependency was busy for a moment (a locked database, a timed-out call); nothing was changed, and <c>Retry-After</c> says when to try again.</summary>
    public const string ServiceUnavailable = "service_unavailable";

    /// <summary>504: the operation ran past its request timeout (ASP.NET Core's <c>RequestTimeouts</c>) and was cancelled.</summary>
    public const string RequestTimeout = "request_timeout";

    /// <summary>409 (as a <c>reset</c> event): a stream cannot continue from the <c>Last-Event-ID</c> it was given (older than its retention); start it again.</summary>
    public const string StreamReset = "stream_reset";

    /// <summary>503 (as an <c>error</c> event): the client read a stream more slowly than it was produced, and its buffer stayed full; the connection closes.</summary>
    public const string SlowConsumer = "slow_consumer";

    /// <summary>401 (as an <c>auth_expired</c> event): the credential the stream was opened with expired; reconnect with a fresh one from the last event id.</summary>
    public const string AuthExpired = "auth_expired";

    /// <summary>429: the caller (or the app) already has as many streams open as it may; <c>Retry-After</c> says when to try again.</summary>
    public const string TooManyStreams = "too_many_streams";

    /// <summary>406: the request's <c>Accept</c> names no format the stream is sent in (<c>text/event-stream</c>, <c>application/jsonl</c>).</summary>
    public const string NotAcceptable = "not_acceptable";

    /// <summary>422: a stream called as an MCP tool produced more items (or bytes) than one tool result may collect; the handler was stopped.</summary>
    public const string ResultTooLarge = "result_too_large";

    /// <summary>500: an unexpected error; only the trace id is told.</summary>
    public const string InternalError = "internal_error";
}
