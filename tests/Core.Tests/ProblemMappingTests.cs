using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using Hybrid.Core.Tests.Support;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hybrid.Core.Tests.Problems;

public sealed record Explode(string Kind) : IRequest<string>;

public sealed class ExplodeHandler(CallLog calls) : IRequestHandler<Explode, string>
{
    public const string Secret = "Server=db;Password=hunter2";

    public Task<string> Handle(Explode request, CancellationToken cancellationToken)
    {
        calls.Add(request.Kind);
        return request.Kind switch
        {
            "none" => Task.FromResult("fine"),
            "not_found" => throw new NotFoundException("Post 7 does not exist."),
            "not_found_coded" => throw new NotFoundException("Post 7 does not exist.", "post_not_found"),
            "not_found_bare" => throw new NotFoundException(),
            "conflict" => throw new ConflictException("The slug is taken."),
            "forbidden" => throw new ForbiddenException("Only the author may edit."),
            "invalid" => throw new RequestValidationException("title", "The title is taken."),
            "invalid_many" => throw new RequestValidationException(
                new Dictionary<string, string[]> { ["title"] = ["Too short.", "Too plain."], [""] = ["Try again."] }, "Rejected."),
            "canceled" => throw new OperationCanceledException(Secret),
            _ => throw new InvalidOperationException(Secret),
        };
    }
}

public class ProblemMappingTests
{
    private static PipelineHost Host() =>
        PipelineHost.Create(o => o.Expose<Explode>(b => b.AsAction()), [typeof(Explode), typeof(ExplodeHandler)]);

    private static async Task<OperationProblem> ProblemOf(string kind)
    {
        await using var host = Host();
        var outcome = await host.InvokeAsync<Explode, string>(new Explode(kind));
        outcome.Problem.Should().NotBeNull();
        return outcome.Problem!;
    }

    [Theory]
    [InlineData("not_found", 404, "not_found", "Post 7 does not exist.")]
    [InlineData("not_found_coded", 404, "post_not_found", "Post 7 does not exist.")]
    [InlineData("conflict", 409, "conflict", "The slug is taken.")]
    [InlineData("forbidden", 403, "forbidden", "Only the author may edit.")]
    public async Task Hybrid_problems_map_to_their_status_code_and_detail(string kind, int status, string code, string detail)
    {
        var problem = await ProblemOf(kind);

        problem.Status.Should().Be(status);
        problem.Code.Should().Be(code);
        problem.Detail.Should().Be(detail);
        problem.Errors.Should().BeNull();
    }

    [Fact]
    public async Task A_problem_without_detail_has_no_detail()
    {
        var problem = await ProblemOf("not_found_bare");

        problem.Status.Should().Be(404);
        problem.Code.Should().Be(ProblemCodes.NotFound);
        problem.Detail.Should().BeNull();
    }

    [Fact]
    public async Task A_request_validation_exception_maps_to_400_with_its_errors()
    {
        var problem = await ProblemOf("invalid");

        problem.Status.Should().Be(400);
        problem.Code.Should().Be(ProblemCodes.ValidationFailed);
        problem.Detail.Should().NotBeNullOrEmpty();
        problem.Errors.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new KeyValuePair<string, string[]>("title", ["The title is taken."]));
    }

    [Fact]
    public async Task A_request_validation_exception_keeps_every_field_and_its_detail()
    {
        var problem = await ProblemOf("invalid_many");

        problem.Detail.Should().Be("Rejected.");
        problem.Errors!["title"].Should().Equal("Too short.", "Too plain.");
        problem.Errors[string.Empty].Should().Equal("Try again.");
    }

    [Fact]
    public async Task An_expected_problem_is_logged_below_error()
    {
        await using var host = Host();

        await host.InvokeAsync<Explode, string>(new Explode("conflict"));

        var entry = host.Logs.Entries.Should().ContainSingle(e => e.Category == "Hybrid.Pipeline").Subject;
        entry.Level.Should().BeOneOf(LogLevel.Trace, LogLevel.Debug, LogLevel.Information);
        entry.Message.Should().Contain("409").And.Contain("conflict");
    }

    [Fact]
    public async Task An_unexpected_exception_becomes_500_internal_error_without_its_message()
    {
        var problem = await ProblemOf("boom");

        problem.Status.Should().Be(500);
        problem.Code.Should().Be(ProblemCodes.InternalError);
        problem.Detail.Should().NotBeNullOrEmpty().And.NotContain("hunter2").And.NotContain(nameof(InvalidOperationException));
        problem.Errors.Should().BeNull();
        problem.Header.Should().BeNull();
    }

    [Fact]
    public async Task The_problem_written_for_an_unexpected_exception_does_not_contain_its_message()
    {
        var problem = await ProblemOf("boom");

        var details = ProblemWriter.ToProblemDetails(problem, new DefaultHttpContext());
        var json = JsonSerializer.Serialize(details, details.GetType());

        json.Should().NotContain("hunter2").And.NotContain("Password").And.NotContain("InvalidOperation");
    }

    [Fact]
    public async Task An_unexpected_exception_is_logged_as_an_error_with_the_exception_and_trace_id()
    {
        await using var host = Host();

        await host.InvokeAsync<Explode, string>(new Explode("boom"));

        var entry = host.Logs.Entries.Should().ContainSingle(e => e.Level == LogLevel.Error).Subject;
        entry.Category.Should().Be("Hybrid.Pipeline");
        entry.Exception.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Be(ExplodeHandler.Secret);
        entry.Message.Should().Contain("trace-0001").And.Contain(nameof(Explode));
    }

    [Fact]
    public async Task Cancellation_by_the_client_propagates()
    {
        await using var host = Host();
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();

        var invoke = () => host.InvokeAsync<Explode, string>(new Explode("canceled"), aborted.Token);

        await invoke.Should().ThrowAsync<OperationCanceledException>();
        host.Logs.Entries.Should().NotContain(e => e.Level == LogLevel.Error);
    }

    [Fact]
    public async Task A_cancellation_the_client_did_not_ask_for_is_an_internal_error()
    {
        var problem = await ProblemOf("canceled");

        problem.Status.Should().Be(500);
        problem.Code.Should().Be(ProblemCodes.InternalError);
        problem.Detail.Should().NotContain("hunter2");
    }

    [Fact]
    public async Task A_successful_handler_has_no_problem()
    {
        await using var host = Host();

        var outcome = await host.InvokeAsync<Explode, string>(new Explode("none"));

        outcome.Problem.Should().BeNull();
        outcome.Value.Should().Be("fine");
        host.Calls.Entries.Should().Equal("none");
    }
}
