using Hybrid.Testing;

namespace Hybrid.Contract.Tests;

public sealed class ErrorModelTests
{
    [Theory]
    [InlineData("unauthorized", 401, "unauthorized")]
    [InlineData("forbidden", 403, "forbidden")]
    [InlineData("notfound", 404, "not_found")]
    [InlineData("conflict", 409, "conflict")]
    [InlineData("precondition", 412, "precondition_failed")]
    [InlineData("unprocessable", 422, "unprocessable")]
    [InlineData("toomany", 429, "rate_limited")]
    public async Task Each_exception_of_the_error_model_is_its_status_and_code(string kind, int status, string code)
    {
        await using var host = await ContractHost.StartAsync();

        using var response = await host.Client.PostAsync($"/api/v1/failures/{kind}", DoorCase.JsonContent("{}"));

        ((int)response.StatusCode).Should().Be(status);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(code);
        problem.Status.Should().Be(status);
    }

    [Theory]
    [InlineData("unauthorized", 401, "unauthorized")]
    [InlineData("forbidden", 403, "forbidden")]
    [InlineData("notfound", 404, "not_found")]
    [InlineData("conflict", 409, "conflict")]
    [InlineData("precondition", 412, "precondition_failed")]
    [InlineData("unprocessable", 422, "unprocessable")]
    [InlineData("toomany", 429, "rate_limited")]
    public async Task The_action_door_answers_each_with_the_same_status_and_code(string kind, int status, string code)
    {
        await using var host = await ContractHost.StartAsync();

        using var response = await host.Client.PostAsync("/_actions/FailAs", DoorCase.JsonContent($$"""{"kind":"{{kind}}"}"""));

        ((int)response.StatusCode).Should().Be(status);
        (await response.ReadProblemAsync()).Code.Should().Be(code);
        if (status == 429)
        {
            response.Headers.GetValues("Retry-After").Should().Equal("8");
        }
    }

    [Fact]
    public async Task A_handler_429_carries_Retry_After_in_whole_seconds()
    {
        await using var host = await ContractHost.StartAsync();

        using var response = await host.Client.PostAsync("/api/v1/failures/toomany", DoorCase.JsonContent("{}"));

        response.Headers.GetValues("Retry-After").Should().Equal("8");
    }
}
