using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Http.Tests;

/// <summary>
/// An operation may have several routes of one method in one version (attributes allow several,
/// Expose adds to them): every route is served, endpoint names and operationIds stay unique.
/// </summary>
public sealed class MultipleRouteTests
{
    [Fact]
    public async Task Second_GET_route_of_an_operation_is_served_alongside_the_first()
    {
        await using var host = await RestHost.StartAsync(o => o.Expose<GetOrder>(b => b.Get("legacy/orders/{orderId}")));

        using var first = await host.Client.GetAsync("/api/v1/orders/3?note=a");
        using var second = await host.Client.GetAsync("/api/v1/legacy/orders/4?note=b");

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        (await first.Content.ReadFromJsonAsync<string>()).Should().Be("order 3 a");
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        (await second.Content.ReadFromJsonAsync<string>()).Should().Be("order 4 b");
    }

    [Fact]
    public async Task Endpoint_names_are_unique_and_the_first_route_keeps_its_name()
    {
        await using var host = await RestHost.StartAsync(o => o.Expose<GetOrder>(b => b.Get("legacy/orders/{orderId}")));

        var names = host.Endpoints.Select(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IEndpointNameMetadata>()?.EndpointName)
            .OfType<string>().ToList();
        var links = host.Services.GetRequiredService<LinkGenerator>();

        names.Should().OnlyHaveUniqueItems();
        // One naming rule: the endpoint name is Hybrid.{version}.{operationId}.
        links.GetPathByName("Hybrid.v1.GetOrder", new { orderId = 1 }).Should().Be("/api/v1/orders/1");
        links.GetPathByName("Hybrid.v1.GetOrder2", new { orderId = 1 }).Should().Be("/api/v1/legacy/orders/1");
    }

    [Fact]
    public async Task OperationIds_are_unique_and_the_first_route_keeps_the_type_name()
    {
        await using var host = await RestHost.StartAsync(o => o.Expose<GetOrder>(b => b.Get("legacy/orders/{orderId}")));
        using var document = JsonDocument.Parse(await host.Client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        paths.GetProperty("/api/v1/orders/{orderId}").GetProperty("get").GetProperty("operationId").GetString().Should().Be("GetOrder");
        paths.GetProperty("/api/v1/legacy/orders/{orderId}").GetProperty("get").GetProperty("operationId").GetString().Should().Be("GetOrder2");
    }
}
