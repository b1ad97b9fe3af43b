using Microsoft.Extensions.DependencyInjection;
using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Hybrid.Actions.Tests;

public sealed class EndpointMetadataTests
{
    private static readonly Dictionary<string, Type> Expected = new()
    {
        ["ClearNotes"] = typeof(ClearNotes),
        ["CreateNote"] = typeof(CreateNote),
        ["custom-id"] = typeof(CountNotes),
    };

    [Fact]
    public async Task Each_action_is_a_POST_route_endpoint_carrying_its_operation()
    {
        await using var host = await ActionsHost.StartAsync();

        var actions = ActionEndpoints(host);

        actions.Select(e => e.Metadata.GetMetadata<HybridOperation>()!.ActionId).Should().BeEquivalentTo(Expected.Keys);
        foreach (var endpoint in actions)
        {
            var operation = endpoint.Metadata.GetMetadata<HybridOperation>()!;
            endpoint.RoutePattern.RawText.Should().Be("/_actions/" + operation.ActionId);
            operation.RequestType.Should().BeSameAs(Expected[operation.ActionId!]);
            endpoint.Metadata.GetOrderedMetadata<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).Distinct().Should().Equal("POST");
            endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription.Should().BeTrue();
            endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>().Should().NotBeNull();
            endpoint.Metadata.GetMetadata<IAcceptsMetadata>()!.ContentTypes.Should().Contain(["application/json", "application/x-www-form-urlencoded"]);
        }
    }

    [Fact]
    public async Task Produces_metadata_states_200_with_the_response_type_or_204()
    {
        await using var host = await ActionsHost.StartAsync();

        var byId = ActionEndpoints(host).ToDictionary(e => e.Metadata.GetMetadata<HybridOperation>()!.ActionId!);

        var created = byId["CreateNote"].Metadata.GetMetadata<IProducesResponseTypeMetadata>()!;
        created.StatusCode.Should().Be(200);
        created.Type.Should().Be<NoteCreated>();
        byId["ClearNotes"].Metadata.GetMetadata<IProducesResponseTypeMetadata>()!.StatusCode.Should().Be(204);
    }

    [Fact]
    public async Task Code_exposed_action_gets_an_endpoint_under_its_id()
    {
        await using var host = await ActionsHost.StartAsync(o => o.Expose<Ping>(b => b.AsAction("x")));

        var endpoint = ActionEndpoints(host).Should().ContainSingle(e => e.Metadata.GetMetadata<HybridOperation>()!.RequestType == typeof(Ping)).Which;

        endpoint.RoutePattern.RawText.Should().Be("/_actions/x");
    }

    [Fact]
    public async Task Rest_only_operation_gets_no_action_endpoint()
    {
        await using var host = await ActionsHost.StartAsync();

        ActionEndpoints(host).Should().NotContain(e => e.Metadata.GetMetadata<HybridOperation>()!.RequestType == typeof(ListNotes));
        host.Endpoints.OfType<RouteEndpoint>().Should().NotContain(e => e.RoutePattern.RawText!.Contains("notes", StringComparison.OrdinalIgnoreCase) && !e.RoutePattern.RawText.StartsWith("/_actions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Conventions_on_the_returned_builder_reach_every_action_endpoint_and_those_on_Documents_the_document()
    {
        var marker = new DoorMarker();
        var documentMarker = new DoorMarker();
        await using var host = await ActionsHost.StartAsync(map: app => app.MapHybridActions().WithTags("ui").WithMetadata(marker).Documents.WithMetadata(documentMarker));

        var actions = ActionEndpoints(host);
        var document = DocumentEndpoint(host);
        var fallback = host.Endpoints.OfType<RouteEndpoint>().Single(e => e.RoutePattern.RawText == "/_actions/{**path}");

        actions.Should().HaveCount(Expected.Count);
        foreach (var endpoint in actions.Append(fallback))
        {
            endpoint.Metadata.GetMetadata<DoorMarker>().Should().BeSameAs(marker, endpoint.DisplayName);
            endpoint.Metadata.GetMetadata<ITagsMetadata>()!.Tags.Should().Contain("ui", endpoint.DisplayName);
        }

        document.Metadata.GetOrderedMetadata<DoorMarker>().Should().ContainSingle().Which.Should().BeSameAs(documentMarker);

        // The test's own token page was mapped outside the door and must not get them.
        host.Endpoints.OfType<RouteEndpoint>().Single(e => e.RoutePattern.RawText == ActionsHost.TokenPath)
            .Metadata.GetMetadata<DoorMarker>().Should().BeNull();
    }

    [Fact]
    public async Task Document_endpoint_is_a_GET_excluded_from_description()
    {
        await using var host = await ActionsHost.StartAsync();

        var document = DocumentEndpoint(host);

        document.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Should().Equal("GET");
        document.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()!.ExcludeFromDescription.Should().BeTrue();
        document.Metadata.GetMetadata<HybridOperation>().Should().BeNull();
    }

    private static List<RouteEndpoint> ActionEndpoints(TestHost host) =>
        [.. host.Endpoints.OfType<RouteEndpoint>().Where(e => e.Metadata.GetMetadata<HybridOperation>() is not null)];

    private static RouteEndpoint DocumentEndpoint(TestHost host) =>
        host.Endpoints.OfType<RouteEndpoint>().Single(e => e.RoutePattern.RawText == "/openapi/actions.json");

    private sealed class DoorMarker;
}
