using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hybrid.Http.Tests;

public sealed class VersionTests
{
    [Fact]
    public async Task Version_2_route_is_served_under_v2_only()
    {
        await using var host = await RestHost.StartAsync();

        using var v2 = await host.Client.GetAsync("/api/v2/things/8");
        using var v1 = await host.Client.GetAsync("/api/v1/things/8");

        v2.StatusCode.Should().Be(HttpStatusCode.OK);
        (await v2.Content.ReadFromJsonAsync<ThingV2>()).Should().Be(new ThingV2(8, "v2"));
        v1.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Version_1_routes_are_not_served_under_v2()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.GetAsync("/api/v2/orders/7");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Each_version_has_its_own_document_holding_only_its_routes()
    {
        await using var host = await RestHost.StartAsync();

        using var v1 = JsonDocument.Parse(await host.Client.GetStringAsync("/openapi/v1.json"));
        using var v2 = JsonDocument.Parse(await host.Client.GetStringAsync("/openapi/v2.json"));
        using var v3 = await host.Client.GetAsync("/openapi/v3.json");

        Paths(v2).Should().Equal("/api/v2/things/{thingId}");
        v2.RootElement.GetProperty("info").GetProperty("version").GetString().Should().Be("v2");
        Paths(v1).Should().NotBeEmpty().And.OnlyContain(p => p.StartsWith("/api/v1/", StringComparison.Ordinal));
        Paths(v1).Should().NotContain("/api/v1/things/{thingId}");
        v1.RootElement.GetRawText().Should().NotContain(nameof(GetThingV2));
        v3.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RestPrefix_option_moves_every_version()
    {
        await using var host = await RestHost.StartAsync(o => o.Rest().Prefix = "/rest");

        using var moved = await host.Client.GetAsync("/rest/v2/things/8");
        using var old = await host.Client.GetAsync("/api/v2/things/8");
        using var document = JsonDocument.Parse(await host.Client.GetStringAsync("/openapi/v2.json"));

        moved.StatusCode.Should().Be(HttpStatusCode.OK);
        old.StatusCode.Should().Be(HttpStatusCode.NotFound);
        Paths(document).Should().Equal("/rest/v2/things/{thingId}");
    }

    private static List<string> Paths(JsonDocument document) =>
        [.. document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name)];
}
