namespace Hybrid;

/// <summary>
/// The origin check (<see cref="CrossSiteCheck"/>: <c>Sec-Fetch-Site</c>, then <c>Origin</c>, plus
/// the trusted origins): a cross-site request is refused with the door's 403 before anything is read.
/// </summary>
/// <param name="trustedOrigins">The app's trusted origins.</param>
/// <param name="refusal">The door's 403, which says why the door checks.</param>
/// <param name="guard">The name the refusal is recorded under, or null when the door records none.</param>
internal sealed class OriginCheck(IEnumerable<string> trustedOrigins, OperationProblem refusal, string? guard) : IRequestFilter
{
    private readonly CrossSiteCheck _crossSite = new(trustedOrigins);

    public PipelineStage Stage => PipelineStage.Origin;

    public ValueTask<FilterDecision> OnRequestAsync(HybridFilterContext context) =>
        new(_crossSite.IsCrossSite(context.HttpContext.Request) ? FilterDecision.Refuse(refusal, guard) : FilterDecision.Continue);
}
