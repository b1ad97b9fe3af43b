using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Hybrid.Testing;

namespace Hybrid.Http.Tests;

/// <summary>
/// Strict, bounded bodies on the REST door (docs/actions-input.md): what is particular to REST,
/// route-bound members and PUT; the rules both doors share are tested door by door in the action
/// door's tests. Every refusal stores nothing.
/// </summary>
public sealed class StrictInputTests
{
    [Fact]
    public async Task A_route_bound_member_named_twice_in_the_body_is_400_for_naming_it_at_all()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.PutAsync("/api/v1/shops/5/things/9", DoorCase.JsonContent("""{"name":"a","thingId":1,"thingId":2}"""));

        var problem = await RefusedAsync(response, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        problem.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]> { ["thingId"] = ["The thingId value comes from the URL; the body must not name it."] });
        NothingStored(host);
    }

    [Fact]
    public async Task A_member_the_request_does_not_have_is_400_on_PUT_and_POST()
    {
        await using var host = await RestHost.StartAsync();

        using var put = await host.Client.PutAsync("/api/v1/shops/5/things/9", DoorCase.JsonContent("""{"name":"a","colour":"red"}"""));
        using var post = await host.Client.PostAsync("/api/v1/shops/5/things", DoorCase.JsonContent("""{"name":"a","quantity":1,"price":3}"""));

        (await RefusedAsync(put, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).Errors.Should()
            .BeEquivalentTo(new Dictionary<string, string[]> { ["colour"] = ["The request has no member 'colour'."] });
        (await RefusedAsync(post, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).Errors.Should()
            .BeEquivalentTo(new Dictionary<string, string[]> { ["price"] = ["The request has no member 'price'."] });
        NothingStored(host);
    }

    [Fact]
    public async Task A_route_bound_member_in_the_body_is_refused_not_overwritten_by_the_route()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.PutAsync("/api/v1/shops/5/things/9", DoorCase.JsonContent("""{"name":"a","shopId":77}"""));

        var problem = await RefusedAsync(response, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        problem.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]> { ["shopId"] = ["The shopId value comes from the URL; the body must not name it."] });
        NothingStored(host);
    }

    [Fact]
    public async Task A_route_bound_member_in_the_body_is_refused_even_when_unknown_members_are_allowed()
    {
        await using var host = await RestHost.StartAsync(o => o.AllowUnknownMembers = true);

        using var response = await host.Client.PutAsync("/api/v1/shops/5/things/9", DoorCase.JsonContent("""{"name":"a","shopId":5}"""));

        (await RefusedAsync(response, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).Errors!.Keys.Should().Equal("shopId");
        NothingStored(host);
    }

    [Fact]
    public async Task AllowUnknownMembers_relaxes_the_rule_app_wide()
    {
        await using var host = await RestHost.StartAsync(o => o.AllowUnknownMembers = true);

        using var response = await host.Client.PostAsync("/api/v1/shops/5/things", DoorCase.JsonContent("""{"name":"a","quantity":1,"price":3}"""));

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        host.Store().Things.Values.Should().ContainSingle().Which.Name.Should().Be("a");
    }

    [Fact]
    public async Task A_body_deeper_than_MaxJsonDepth_is_400_invalid_json()
    {
        await using var host = await RestHost.StartAsync(o => o.MaxJsonDepth = 2);

        using var flat = await host.Client.PostAsync("/api/v1/shops/5/things", DoorCase.JsonContent("""{"name":"a","quantity":1}"""));
        using var deep = await host.Client.PostAsync("/api/v1/shops/5/things", DoorCase.JsonContent("""{"name":"a","quantity":[[1]]}"""));

        flat.StatusCode.Should().Be(HttpStatusCode.Created, await flat.Content.ReadAsStringAsync());
        await RefusedAsync(deep, HttpStatusCode.BadRequest, ProblemCodes.InvalidJson);
        host.Store().Received.Should().ContainSingle();
    }

    [Fact]
    public async Task A_streamed_body_over_the_REST_doors_MaxBodySize_is_413_without_Content_Length()
    {
        await using var host = await RestHost.StartAsync(o => o.Rest().MaxBodySize = 1024);

        using var over = await host.Client.PostAsync("/api/v1/shops/5/things", new ChunkedJsonContent(Thing(64 * 1024), pieceSize: 4096));
        using var under = await host.Client.PostAsync("/api/v1/shops/5/things", new ChunkedJsonContent(Thing(20), pieceSize: 4096));

        await RefusedAsync(over, HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge);
        under.StatusCode.Should().Be(HttpStatusCode.Created, await under.Content.ReadAsStringAsync());
        host.Store().Received.Should().ContainSingle();
    }

    [Fact]
    public async Task Type_metadata_creates_nothing()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.PostAsync("/api/v1/shops/5/things", DoorCase.JsonContent("""{"$type":"System.IO.FileInfo, System.IO.FileSystem","name":"a"}"""));

        (await RefusedAsync(response, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).Errors.Should().ContainKey("$type");
        NothingStored(host);
    }

    private static string Thing(int nameLength) => """{"quantity":1,"name":""" + "\"" + new string('n', nameLength) + "\"}";

    private static async Task<ProblemBody> RefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        response.StatusCode.Should().Be(status, await response.Content.ReadAsStringAsync());
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(code);
        return problem;
    }

    private static void NothingStored(TestHost host)
    {
        host.Store().Received.Should().BeEmpty();
        host.Store().Things.Should().BeEmpty();
    }
}
