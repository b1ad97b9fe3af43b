using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Hybrid.Http.Tests;

public sealed class EndpointMetadataTests
{
    private static readonly (string Pattern, string Method, Type Request)[] Expected =
    [
        ("/api/v1/failures/{kind}", "GET", typeof(Fail)),
        ("/api/v1/orders/{orderId}", "GET", typeof(GetOrder)),
        ("/api/v1/shops/{shopId}/things", "POST", typeof(CreateThing)),
        ("/api/v1/shops/{shopId}/things/{thingId}", "DELETE", typeof(DeleteThing)),
        ("/api/v1/shops/{shopId}/things/{thingId}", "PUT", typeof(ReplaceThing)),
        ("/api/v1/shops/{shopId}/widgets/{widgetId}", "GET", typeof(GetWidget)),
        ("/api/v1/things/{thingId}/archive", "POST", typeof(ArchiveThing)),
        ("/api/v2/things/{thingId}", "GET", typeof(GetThingV2)),
    ];

    [Fact]
    public async Task Each_route_is_an_endpoint_with_its_pattern_method_operation_and_route()
    {
        await using var host = await RestHost.StartAsync();

        var endpoints = RestEndpoints(host);

        endpoints.Select(e => (e.RoutePattern.RawText!, Method(e), e.Metadata.GetMetadata<HybridOperation>()!.RequestType))
            .Should().BeEquivalentTo(Expected);
        foreach (var endpoint in endpoints)
        {
            var operation = endpoint.Metadata.GetMetadata<HybridOperation>()!;
            var route = endpoint.Metadata.GetMetadata<RestRoute>()!;
            operation.Routes.Should().Contain(route);
            endpoint.RoutePattern.RawText.Should().Be($"/api/{route.DocumentName}/{route.Template}");
            Method(endpoint).Should().Be(route.Method);
            endpoint.Metadata.GetMetadata<IProducesResponseTypeMetadata>()!.StatusCode.Should().Be(route.StatusCode);
            endpoint.Metadata.GetMetadata<IEndpointNameMetadata>().Should().NotBeNull();
        }
    }

    [Fact]
    public async Task Route_metadata_carries_the_checked_status_location_and_version()
    {
        await using var host = await RestHost.StartAsync();

        var routes = RestEndpoints(host).Select(e => e.Metadata.GetMetadata<RestRoute>()!).ToList();

        var create = routes.Single(r => r.Template == "shops/{shopId}/things");
        create.StatusCode.Should().Be(201);
        create.Location.Should().Be("shops/{shopId}/things/{id}");
        create.Summary.Should().Be("Creates a thing in a shop.");
        routes.Single(r => r.Method == "PUT").StatusCode.Should().Be(204);
        routes.Single(r => r.Template == "things/{thingId}/archive").StatusCode.Should().Be(202);
        routes.Single(r => r.Template == "things/{thingId}").Version.Should().Be(2);
        routes.Single(r => r.Method == "DELETE").StatusCode.Should().Be(200);
    }

    [Fact]
    public async Task Action_only_operation_gets_no_REST_endpoint()
    {
        await using var host = await RestHost.StartAsync();

        host.Endpoints.Should().NotContain(e => e.Metadata.GetMetadata<HybridOperation>() != null
            && e.Metadata.GetMetadata<HybridOperation>()!.RequestType == typeof(ActionOnlyRecount));
        host.Endpoints.OfType<RouteEndpoint>().Should().NotContain(e => e.RoutePattern.RawText!.StartsWith("/_actions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Conventions_on_the_returned_builder_reach_every_route_and_those_on_Documents_every_document()
    {
        var marker = new DoorMarker();
        var documentMarker = new DoorMarker();
        await using var host = await RestHost.StartAsync(map: app =>
        {
            app.MapGet("/outside", () => "not the door");
            var door = app.MapHybridRest().WithTags("public").WithMetadata(marker);
            door.Documents.WithMetadata(documentMarker);
        });

        var endpoints = RestEndpoints(host);
        var documents = host.Endpoints.OfType<RouteEndpoint>().Where(e => e.RoutePattern.RawText!.StartsWith("/openapi/", StringComparison.Ordinal)).ToList();

        endpoints.Should().HaveCount(Expected.Length);
        documents.Select(d => d.RoutePattern.RawText).Should().BeEquivalentTo("/openapi/v1.json", "/openapi/v2.json");
        foreach (var endpoint in endpoints)
        {
            endpoint.Metadata.GetMetadata<DoorMarker>().Should().BeSameAs(marker, endpoint.DisplayName);
            endpoint.Metadata.GetMetadata<ITagsMetadata>()!.Tags.Should().Contain("public", endpoint.DisplayName);
        }

        foreach (var document in documents)
        {
            document.Metadata.GetOrderedMetadata<DoorMarker>().Should().ContainSingle(document.DisplayName).Which.Should().BeSameAs(documentMarker);
        }

        host.Endpoints.OfType<RouteEndpoint>().Single(e => e.RoutePattern.RawText == "/outside").Metadata.GetMetadata<DoorMarker>().Should().BeNull();
    }

    [Fact]
    public async Task Documents_are_excluded_from_description()
    {
        await using var host = await RestHost.StartAsync();

        var documents = host.Endpoints.OfType<RouteEndpoint>().Where(e => e.RoutePattern.RawText!.StartsWith("/openapi/", StringComparison.Ordinal)).ToList();

        documents.Should().HaveCount(2).And.OnlyContain(d => d.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()!.ExcludeFromDescription);
    }

    /// <summary>The route's method: one, with HEAD beside GET.</summary>
    private static string Method(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods;
        if (methods.Contains("GET"))
        {
            methods.Should().Equal("GET", "HEAD");
            return "GET";
        }

        return methods.Should().ContainSingle().Subject;
    }

    private static List<RouteEndpoint> RestEndpoints(TestHost host) =>
        [.. host.Endpoints.OfType<RouteEndpoint>().Where(e => e.Metadata.GetMetadata<RestRoute>() is not null)];

    private sealed class DoorMarker;
}
