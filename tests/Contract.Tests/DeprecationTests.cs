using System.Net;
using System.Text.Json;

namespace Hybrid.Contract.Tests;

public sealed class DeprecationTests
{
    [Fact]
    public async Task A_deprecated_route_answers_with_Deprecation_Sunset_and_a_successor_Link()
    {
        await using var host = await ContractHost.StartAsync();

        using var response = await host.Client.GetAsync("/api/v1/legacy/records/1");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Deprecation").Should().Equal("@" + new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds());
        response.Headers.GetValues("Sunset").Should().Equal("Wed, 31 Mar 2027 00:00:00 GMT");
        response.Headers.GetValues("Link").Should().Equal("</api/v2/records/1>; rel=\"successor-version\"");
    }

    [Fact]
    public async Task A_deprecated_route_keeps_its_headers_on_a_problem()
    {
        await using var host = await ContractHost.StartAsync();

        using var response = await host.Client.GetAsync("/api/v1/legacy/records/9");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Headers.Contains("Deprecation").Should().BeTrue();
    }

    [Fact]
    public async Task A_current_route_has_no_deprecation_headers()
    {
        await using var host = await ContractHost.StartAsync();

        using var response = await host.Client.GetAsync("/api/v1/records/1");

        response.Headers.Contains("Deprecation").Should().BeFalse();
        response.Headers.Contains("Sunset").Should().BeFalse();
    }

    [Fact]
    public async Task The_route_metadata_carries_the_plan_and_one_route_serves_two_versions()
    {
        await using var host = await ContractHost.StartAsync();

        var routes = host.Endpoints.Select(e => e.Metadata.GetMetadata<HybridEndpointMetadata>()).Where(m => m?.Route is not null).ToList();
        var legacy = routes.Single(m => m!.Operation.RequestType == typeof(GetLegacyRecord))!.Route!;
        legacy.Deprecation!.Since.Should().Be(new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero));
        legacy.Deprecation.Sunset.Should().Be(new DateTimeOffset(2027, 3, 31, 0, 0, 0, TimeSpan.Zero));
        legacy.Deprecation.Successor.Should().Be("v2/records/{id}");
        routes.Where(m => m!.Operation.RequestType == typeof(GetRecord)).Select(m => m!.Route!.Version).Should().BeEquivalentTo([1, 2]);
    }

    [Fact]
    public async Task The_document_marks_the_deprecated_operation()
    {
        await using var host = await ContractHost.StartAsync();

        using var document = JsonDocument.Parse(await host.Client.GetStringAsync("/openapi/v1.json"));

        var operation = document.RootElement.GetProperty("paths").GetProperty("/api/v1/legacy/records/{id}").GetProperty("get");
        operation.GetProperty("deprecated").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Declared_problems_are_endpoint_metadata_on_every_route_of_the_operation()
    {
        await using var host = await ContractHost.StartAsync();

        var problems = host.Endpoints
            .Where(e => e.Metadata.GetMetadata<HybridEndpointMetadata>()?.Operation.RequestType == typeof(GetRecord))
            .Select(e => e.Metadata.GetOrderedMetadata<ProducesProblemAttribute>().Select(p => p.ToString()).ToList())
            .ToList();

        problems.Should().HaveCount(2).And.OnlyContain(p => p.SequenceEqual(new[] { "404 record_not_found" }));
    }
}
