using System.Net;
using Hybrid.Testing;

namespace Hybrid.Http.Tests;

public sealed class HandlerFailureTests
{
    [Fact]
    public async Task NotFoundException_is_404_with_its_code_and_detail()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.GetAsync("/api/v1/failures/not-found");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var problem = await response.ReadProblemAsync();
        problem.Status.Should().Be(404);
        problem.Code.Should().Be("thing_not_found");
        problem.Detail.Should().Be("Thing 7 does not exist.");
        problem.Type.Should().Be("https://tools.ietf.org/html/rfc9110#section-15.5.5");
        problem.TraceId.Should().NotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("conflict", 409, ProblemCodes.Conflict, "Thing 7 was changed meanwhile.")]
    [InlineData("forbidden", 403, ProblemCodes.Forbidden, null)]
    public async Task Other_problem_exceptions_keep_their_status_and_code(string kind, int status, string code, string? detail)
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.GetAsync("/api/v1/failures/" + kind);

        ((int)response.StatusCode).Should().Be(status);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(code);
        problem.Detail.Should().Be(detail);
    }

    [Fact]
    public async Task RequestValidationException_is_400_with_its_field_errors()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.GetAsync("/api/v1/failures/invalid");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.ValidationFailed);
        problem.Errors.Should().ContainKey("name").WhoseValue.Should().Equal("The name is taken.");
    }

    [Fact]
    public async Task Unexpected_exception_is_500_internal_error_with_a_trace_id_only()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.GetAsync("/api/v1/failures/crash");
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.InternalError);
        problem.Status.Should().Be(500);
        problem.TraceId.Should().NotBeNullOrWhiteSpace();
        text.Should().NotContain("hunter2")
            .And.NotContain("Could not connect")
            .And.NotContain(nameof(InvalidOperationException))
            .And.NotContain(" at ")
            .And.NotContain(nameof(FailHandler));
    }
}
