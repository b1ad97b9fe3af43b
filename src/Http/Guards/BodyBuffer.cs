using Microsoft.AspNetCore.Http;

namespace Hybrid.Http;

/// <summary>
/// Reads the body whole, once, under the endpoint's limit (<see cref="BodyLimits.BufferAsync"/>), for
/// the steps that must see it whole: a webhook's signature, an idempotency fingerprint, a
/// <see cref="HybridRawRequest"/>. The bytes are kept as the <see cref="BufferedBody"/> feature, and
/// binding reads the same ones.
/// </summary>
/// <param name="limit">The largest body the endpoint reads, or null for no limit.</param>
internal sealed class BodyBuffer(long? limit) : IRequestFilter
{
    public PipelineStage Stage => PipelineStage.BodyBuffer;

    public async ValueTask<FilterDecision> OnRequestAsync(HybridFilterContext context)
    {
        ReadOnlyMemory<byte>? buffered;
        try
        {
            buffered = await BodyLimits.BufferAsync(context.HttpContext, limit, context.Cancellation).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e)
        {
            // A body cut off mid-way or trickled in too slowly: the client's mistake, answered as binding answers it.
            return FilterDecision.Refuse(e.StatusCode == StatusCodes.Status408RequestTimeout ? OperationProblem.BodyTooSlow() : OperationProblem.UnreadableBody(), "body");
        }

        if (buffered is not { } body)
        {
            return FilterDecision.Refuse(OperationProblem.PayloadTooLarge(), "body_limit");
        }

        context.HttpContext.Features.Set(new BufferedBody(body));
        return FilterDecision.Continue;
    }
}
