using Microsoft.AspNetCore.Http;

namespace Hybrid;

/// <summary>An answer a filter gives without running the handler (a stored replay, a repeated delivery); the endpoint writes it and records its outcome.</summary>
internal abstract class DoorAnswer
{
    /// <summary>What the answer was, for the <see cref="HybridTelemetry.GuardOutcomeTag"/> tag (e.g. <c>replayed</c>).</summary>
    public abstract string Outcome { get; }

    public abstract Task WriteAsync(HttpContext context, CancellationToken cancellationToken);
}
