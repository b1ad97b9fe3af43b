using Microsoft.AspNetCore.Http;

namespace Hybrid;

/// <summary>
/// One step of a door endpoint's pipeline, made once with the endpoint from its settings and shared
/// by all its requests (per-request state lives in <see cref="HybridFilterContext"/> or the request's
/// features, never in the filter). Its <see cref="Stage"/> places it in the one order
/// (<see cref="PipelineStage"/>); what it does is the interfaces below.
/// </summary>
internal interface IHybridFilter
{
    /// <summary>Where the filter runs.</summary>
    PipelineStage Stage { get; }
}

/// <summary>A filter that runs before the handler, in order: it continues, refuses or answers.</summary>
internal interface IRequestFilter : IHybridFilter
{
    ValueTask<FilterDecision> OnRequestAsync(HybridFilterContext context);
}

/// <summary>
/// A filter that also acts once the request is over, for a request it let through, in reverse order:
/// after the door's responder wrote the answer (<c>responded</c>), or when it never did (a later
/// step answered itself, the request failed or was cancelled), to undo what it began.
/// </summary>
internal interface IAnswerFilter : IRequestFilter
{
    ValueTask OnAnsweredAsync(HttpContext context, bool responded, CancellationToken cancellationToken);
}

/// <summary>A filter that acts on a success, after the handler and before the answer is written, in reverse order.</summary>
internal interface ISuccessFilter : IHybridFilter
{
    ValueTask OnSucceededAsync(HttpContext context, object request, object? value);
}
