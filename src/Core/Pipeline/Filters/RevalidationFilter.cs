using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hybrid;

/// <summary>
/// Revalidation after a success (<see cref="OperationRevalidation"/>): what the operation made stale
/// is evicted before the answer is written, so the answer can name it. Its stores are called with no
/// token: a client that leaves after its handler returned does not keep the eviction from running.
/// </summary>
internal sealed class RevalidationFilter(OperationRevalidation revalidation, ILogger logger, HybridMetrics metrics) : ISuccessFilter
{
    public PipelineStage Stage => PipelineStage.Revalidation;

    public ValueTask OnSucceededAsync(HttpContext context, object request, object? value) =>
        revalidation.RunAsync(context, request, value, logger, metrics);
}
