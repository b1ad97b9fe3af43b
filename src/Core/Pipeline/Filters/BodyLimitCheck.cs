namespace Hybrid;

/// <summary>
/// The endpoint's body limit on a body read as it streams (<see cref="BodyLimits.Apply"/>, the one
/// mechanism of every door): a declared length over it is 413 before anything is read.
/// </summary>
/// <param name="limit">The largest body the endpoint reads, or null for no limit.</param>
internal sealed class BodyLimitCheck(long? limit) : IRequestFilter
{
    public PipelineStage Stage => PipelineStage.BodyLimit;

    public ValueTask<FilterDecision> OnRequestAsync(HybridFilterContext context) =>
        new(BodyLimits.Apply(context.HttpContext, limit) ? FilterDecision.Continue : FilterDecision.Refuse(OperationProblem.PayloadTooLarge()));
}
