namespace Hybrid;

/// <summary>
/// The one order of every door endpoint's pipeline, stated here and nowhere else: each filter names
/// its stage, and <see cref="FilterPipeline"/> sorts an endpoint's filters by it when the endpoint is
/// built. The cheap refusals come first: nothing is read, buffered or claimed for a request the origin
/// check refuses. Before the handler, each step in turn continues, refuses (a problem, which the door's
/// responder writes) or answers the request itself (a stored replay, a repeated delivery); after the
/// handler, the steps act on its outcome, and once the answer is written the steps that let the
/// request through act on it in reverse order (the idempotency claim stores the answer, then the
/// webhook delivery is remembered). A door leaves out the steps it has no use for.
/// </summary>
/// <remarks>
/// The media type is judged from the headers before any body is buffered, a signature verified or an
/// <c>Idempotency-Key</c> claimed: a 415 is never stored as a key's answer, so a retry that fixes its
/// <c>Content-Type</c> under the same key runs.
/// </remarks>
internal enum PipelineStage
{
    /// <summary>
    /// The origin check: a cross-site write is refused (403) before its body is read, a webhook
    /// verified or an <c>Idempotency-Key</c> claimed.
    /// </summary>
    Origin,

    /// <summary>The body limit of a body read as it streams: a declared length over it is 413 at once, and reading past it fails.</summary>
    BodyLimit,

    /// <summary>The media type: JSON, a form, or no body; anything else is 415.</summary>
    MediaType,

    /// <summary>A body a later step must see whole (a signature, a fingerprint, a raw request), read once under the same limit.</summary>
    BodyBuffer,

    /// <summary>The webhook verification: a bad signature is 401, a delivery already processed is answered without the handler.</summary>
    Webhook,

    /// <summary>The idempotency claim: the key is claimed, its stored answer replayed, or the request refused (409, 422, 400).</summary>
    Idempotency,

    /// <summary>The antiforgery token, where the endpoint requires one (400).</summary>
    Antiforgery,

    /// <summary>Binding: the door's part that makes the request object from the route, query, headers and body, or refuses it with every field's mistake.</summary>
    Bind,

    /// <summary>Preconditions on the bound request: a REST write's <c>If-Match</c> (412).</summary>
    Preconditions,

    /// <summary>The handler: validation, then the dispatcher (the app's MediatR behaviours run). Not a filter: the endpoint runs it.</summary>
    Handler,

    /// <summary>Revalidation after a success: what the operation made stale is evicted before the answer names it.</summary>
    Revalidation,

    /// <summary>The door's responder: the one place the endpoint's answer is written. Not a filter: the endpoint runs it.</summary>
    Respond,
}
