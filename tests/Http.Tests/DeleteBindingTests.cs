using System.Net;
using System.Net.Http.Json;
using Hybrid.Testing;

namespace Hybrid.Http.Tests;

public sealed class DeleteBindingTests
{
    [Fact]
    public async Task Delete_binds_route_values_and_query_parameters()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.DeleteAsync("/api/v1/shops/5/things/9?hard=true&reason=broken");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<DeleteResult>()).Should().Be(new DeleteResult(5, 9, true, "broken"));
    }

    [Fact]
    public async Task Query_cannot_override_a_route_value()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.DeleteAsync("/api/v1/shops/5/things/9?thingId=1&shopId=2");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<DeleteResult>()).Should().Be(new DeleteResult(5, 9, false, null));
    }

    [Fact]
    public async Task Unparsable_query_value_on_a_delete_is_400()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.DeleteAsync("/api/v1/shops/5/things/9?hard=maybe");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.Should().Equal("hard");
        host.Store().Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Delete_ignores_a_body()
    {
        await using var host = await RestHost.StartAsync();
        using var message = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/shops/5/things/9")
        {
            Content = DoorCase.JsonContent("""{"hard":true,"reason":"from body"}"""),
        };

        using var response = await host.Client.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<DeleteResult>()).Should().Be(new DeleteResult(5, 9, false, null));
    }

    [Fact]
    public async Task Other_method_on_a_route_is_not_served()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.GetAsync("/api/v1/shops/5/things/9");

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        host.Store().Received.Should().BeEmpty();
    }
}
