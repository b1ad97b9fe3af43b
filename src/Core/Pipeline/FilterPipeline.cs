namespace Hybrid;

/// <summary>
/// The filters of one endpoint, sorted into the one order (<see cref="PipelineStage"/>) when the
/// endpoint is built and kept as arrays, so a request walks them without allocating. Two filters of
/// one stage keep the order they were given in.
/// </summary>
internal sealed class FilterPipeline
{
    public FilterPipeline(IEnumerable<IHybridFilter> filters)
    {
        var ordered = filters.OrderBy(f => f.Stage).ToArray();
        foreach (var filter in ordered)
        {
            var fits = filter switch
            {
                IRequestFilter => filter.Stage < PipelineStage.Handler,
                ISuccessFilter => filter.Stage is > PipelineStage.Handler and < PipelineStage.Respond,
                _ => false,
            };
            if (!fits)
            {
                throw new InvalidOperationException($"{filter.GetType().Name} cannot run at the {filter.Stage} stage.");
            }
        }

        Request = [.. ordered.OfType<IRequestFilter>()];
        Answer = [.. Request.Select(f => f as IAnswerFilter)];
        Success = [.. ordered.OfType<ISuccessFilter>().Reverse()];
        if (Request.Count(f => f.Stage == PipelineStage.Bind) != 1)
        {
            throw new InvalidOperationException("An endpoint's pipeline needs exactly one binder.");
        }
    }

    /// <summary>The filters before the handler, in order; the door's binder among them.</summary>
    public IRequestFilter[] Request { get; }

    /// <summary>Beside <see cref="Request"/>: each one's <see cref="IAnswerFilter"/>, or null.</summary>
    public IAnswerFilter?[] Answer { get; }

    /// <summary>The filters that act on a success, in reverse order (the order they run in).</summary>
    public ISuccessFilter[] Success { get; }

    /// <summary>The stages, in the order a request meets them: what a test or a debugger reads.</summary>
    public override string ToString() =>
        string.Join(", ", Request.Select(f => f.Stage.ToString())
            .Append(nameof(PipelineStage.Handler))
            .Concat(Success.Reverse().Select(f => f.Stage.ToString()))
            .Append(nameof(PipelineStage.Respond)));
}
