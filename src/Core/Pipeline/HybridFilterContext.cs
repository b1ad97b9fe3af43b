using Microsoft.AspNetCore.Http;

namespace Hybrid;

/// <summary>What a filter sees of one request before the handler: the request, its body's kind once known, and its token.</summary>
/// <param name="HttpContext">The request.</param>
/// <param name="Input">How the arguments arrive, once the media type step has looked (<see cref="InputKind.None"/> before).</param>
/// <param name="Cancellation">The request's token (the client's <c>RequestAborted</c> before the handler).</param>
internal readonly record struct HybridFilterContext(HttpContext HttpContext, InputKind Input, CancellationToken Cancellation);
