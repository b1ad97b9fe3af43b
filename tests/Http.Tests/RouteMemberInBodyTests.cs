using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using Hybrid.Testing;

namespace Hybrid.Http.Tests;

/// <summary>A body may not name what the URL binds: it is refused, never silently overwritten.</summary>
public sealed class RouteMemberInBodyTests
{
    [Theory]
    [InlineData("""{"shopId":666,"name":"Lamp"}""", "shopId")]
    [InlineData("""{"shopId":5,"name":"Lamp"}""", "shopId")]
    [InlineData("""{"ShopId":5,"name":"Lamp"}""", "shopId")]
    [InlineData("""{"name":"Lamp","shopId":null}""", "shopId")]
    public async Task A_json_body_naming_a_route_member_is_400_keyed_by_its_json_name(string body, string field)
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.PostAsync("/api/v1/shops/5/things", DoorCase.JsonContent(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.ValidationFailed);
        problem.Errors!.Keys.Should().Equal(field);
        problem.Errors[field].Should().ContainSingle().Which.Should().Contain("URL");
        host.Store().Received.Should().BeEmpty();
        host.Store().Things.Should().BeEmpty();
    }

    [Fact]
    public async Task Every_route_member_is_refused_on_a_put()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.PutAsync("/api/v1/shops/5/things/9", DoorCase.JsonContent("""{"thingId":1,"name":"Chair"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.Should().Equal("thingId");
        host.Store().Received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_positional_record_parameter_bound_from_the_route_is_refused_in_the_body()
    {
        await using var host = await RestHost.StartAsync(o => o.Expose<RenameGadget>(b => b.Route("PUT", "gadgets/{gadgetId}/name", statusCode: 200)));

        using var response = await host.Client.PutAsync("/api/v1/gadgets/3/name", DoorCase.JsonContent("""{"gadgetId":3,"name":"Lamp"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.Should().Equal("gadgetId");
        host.Store().Received.Should().BeEmpty();
    }

    [Fact]
    public async Task The_same_body_without_the_route_member_is_accepted()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.PostAsync("/api/v1/shops/5/things", DoorCase.JsonContent("""{"name":"Lamp"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await response.Content.ReadFromJsonAsync<Thing>())!.ShopId.Should().Be(5);
    }

    [Fact]
    public async Task The_same_member_is_still_read_from_the_body_where_no_route_binds_it()
    {
        await using var host = await RestHost.StartAsync(o => o.Expose<CreateThing>(b => b.Route("POST", "things", version: 2)));

        using var response = await host.Client.PostAsync("/api/v2/things", DoorCase.JsonContent("""{"shopId":7,"name":"Lamp"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        host.Store().Received.OfType<CreateThing>().Single().ShopId.Should().Be(7);
    }
}
