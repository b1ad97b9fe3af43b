using Hybrid.Core.Tests.Support;
using Hybrid.Core.Tests.Validation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Core.Tests.Behaviors;

public sealed class RecordingBehavior<TRequest, TResponse>(CallLog calls) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        calls.Add("before " + typeof(TRequest).Name);
        var response = await next();
        calls.Add("after " + response);
        return response;
    }
}

public sealed class MembersOnlyBehavior<TRequest, TResponse>(CallLog calls) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    public Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        calls.Add("refused");
        throw new ForbiddenException("Members only.", "members_only");
    }
}

public class BehaviorPipelineTests
{
    private static readonly Type[] Types = [typeof(AddComment), typeof(AddCommentHandler)];

    private static PipelineHost Host(Type behavior) => PipelineHost.Create(
        o => o.Expose<AddComment>(b => b.AsAction()),
        Types,
        after: s => s.AddTransient(typeof(IPipelineBehavior<,>), behavior));

    [Fact]
    public async Task A_registered_pipeline_behavior_runs_around_the_handler()
    {
        await using var host = Host(typeof(RecordingBehavior<,>));

        var outcome = await host.InvokeAsync<AddComment, int>(new AddComment("ada", "Nice post", 7));

        outcome.Value.Should().Be(42);
        host.Calls.Entries.Should().Equal("before AddComment", "handler ada", "after 42");
    }

    [Fact]
    public async Task Behaviors_do_not_run_for_a_request_that_failed_validation()
    {
        await using var host = Host(typeof(RecordingBehavior<,>));

        var outcome = await host.InvokeAsync<AddComment, int>(new AddComment(null, "Nice post", 7));

        outcome.Problem!.Code.Should().Be(ProblemCodes.ValidationFailed);
        host.Calls.Entries.Should().BeEmpty();
    }

    [Fact]
    public async Task A_problem_thrown_by_a_behavior_is_mapped_like_one_from_a_handler()
    {
        await using var host = Host(typeof(MembersOnlyBehavior<,>));

        var outcome = await host.InvokeAsync<AddComment, int>(new AddComment("ada", "Nice post", 7));

        outcome.Problem!.Status.Should().Be(403);
        outcome.Problem.Code.Should().Be("members_only");
        outcome.Problem.Detail.Should().Be("Members only.");
        host.Calls.Entries.Should().Equal("refused");
    }
}
