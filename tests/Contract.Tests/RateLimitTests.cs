using System.Net;
using Hybrid.Testing;

namespace Hybrid.Contract.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Past_the_operation_limit_the_answer_is_a_429_problem_with_Retry_After()
    {
        await using var host = await ContractHost.StartAsync();

        using var first = await host.Client.PostAsync("/api/v1/limited-pings", DoorCase.JsonContent("{}"));
        using var second = await host.Client.PostAsync("/api/v1/limited-pings", DoorCase.JsonContent("{}"));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await second.ReadProblemAsync()).Code.Should().Be("rate_limited");
        second.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 60);
        host.Records().RunsOf(nameof(LimitedPing)).Should().Be(1);
    }

    [Fact]
    public async Task The_limit_is_endpoint_metadata_of_that_operation_only()
    {
        await using var host = await ContractHost.StartAsync();

        host.Endpoints.Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>() is not null)
            .Select(e => e.Metadata.GetMetadata<HybridEndpointMetadata>()!.Operation.RequestType)
            .Should().Equal(typeof(LimitedPing));
    }
}
