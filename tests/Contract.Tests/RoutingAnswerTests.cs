using System.Net;
using Hybrid.Testing;

namespace Hybrid.Contract.Tests;

public sealed class RoutingAnswerTests
{
    [Fact]
    public async Task An_unknown_path_under_the_REST_prefix_is_a_404_problem_with_a_code()
    {
        await using var host = await ContractHost.StartAsync();

        using var response = await host.Client.PostAsync("/api/v1/nothing/here", DoorCase.JsonContent("{}"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.ReadProblemAsync()).Code.Should().Be("route_not_found");
    }

    [Fact]
    public async Task A_known_path_with_another_method_is_a_405_problem_with_Allow()
    {
        await using var host = await ContractHost.StartAsync();

        using var response = await host.Client.PatchAsync("/api/v1/records/1", DoorCase.JsonContent("{}"));

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.Should().BeEquivalentTo("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
        (await response.ReadProblemAsync()).Code.Should().Be("method_not_allowed");
        host.Records().Runs.Should().BeEmpty();
    }

    [Fact]
    public async Task OPTIONS_on_a_known_path_lists_its_methods()
    {
        await using var host = await ContractHost.StartAsync();

        using var response = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/api/v1/records/1"));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Content.Headers.Allow.Should().BeEquivalentTo("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
    }

    [Fact]
    public async Task A_path_of_another_version_is_404_not_405()
    {
        await using var host = await ContractHost.StartAsync();

        using var response = await host.Client.PutAsync("/api/v2/records/1", DoorCase.JsonContent("""{"name":"x"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed, "v2 has GET records/{id} only");
        using var unknown = await host.Client.GetAsync("/api/v3/records/1");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task HEAD_is_mapped_with_every_GET_route()
    {
        await using var host = await ContractHost.StartAsync();

        var methods = host.Endpoints
            .Where(e => e.Metadata.GetMetadata<HybridEndpointMetadata>()?.Route?.Method == "GET")
            .Select(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods)
            .ToList();

        methods.Should().NotBeEmpty().And.OnlyContain(m => m.Contains("GET") && m.Contains("HEAD"));
    }

    [Fact]
    public async Task The_fallback_is_one_endpoint_in_the_data_source()
    {
        await using var host = await ContractHost.StartAsync();

        host.Endpoints.Count(e => e.DisplayName == "Hybrid REST fallback (404, 405, OPTIONS)").Should().Be(1);
    }
}
