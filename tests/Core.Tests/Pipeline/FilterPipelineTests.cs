namespace Hybrid.Core.Tests.Pipeline;

/// <summary>
/// The order is stated once (<see cref="PipelineStage"/>): whatever order a door lists its filters
/// in, an endpoint runs them in that one order, and a filter that cannot act at its stage is a
/// programming error caught when the endpoint is built.
/// </summary>
public sealed class FilterPipelineTests
{
    private readonly StepLog _log = new();

    [Fact]
    public void Filters_run_in_the_one_order_whatever_order_a_door_lists_them_in()
    {
        var pipeline = new FilterPipeline(
        [
            new FakeBinder(new object(), _log),
            new FakeSuccessFilter(_log),
            new FakeFilter(PipelineStage.Preconditions, "preconditions", _log),
            new FakeFilter(PipelineStage.Idempotency, "idempotency", _log),
            new FakeFilter(PipelineStage.MediaType, "media", _log),
            new FakeFilter(PipelineStage.Origin, "origin", _log),
            new FakeFilter(PipelineStage.BodyBuffer, "body", _log),
            new FakeFilter(PipelineStage.Webhook, "webhook", _log),
        ]);

        pipeline.ToString().Should().Be("Origin, MediaType, BodyBuffer, Webhook, Idempotency, Bind, Preconditions, Handler, Revalidation, Respond");
        pipeline.Answer.Select(a => a is not null).Should().Equal(true, true, true, true, true, false, true);
    }

    [Fact]
    public void A_filter_at_a_stage_where_it_cannot_act_or_a_pipeline_without_one_binder_is_refused_at_build()
    {
        var late = () => new FilterPipeline([new FakeBinder(new object(), _log), new FakeFilter(PipelineStage.Respond, "late", _log)]);
        var unbound = () => new FilterPipeline([new FakeFilter(PipelineStage.Origin, "origin", _log)]);

        late.Should().Throw<InvalidOperationException>().WithMessage("*Respond*");
        unbound.Should().Throw<InvalidOperationException>().WithMessage("*binder*");
    }
}
