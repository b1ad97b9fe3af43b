using System.Net;
using Hybrid.Testing;

namespace Hybrid.Http.Tests;

/// <summary>
/// One round of errors on the REST door: what the URL, the query and the body get wrong, and the rules
/// the members that did bind fail, come back in one <c>validation_failed</c>.
/// </summary>
public sealed class OneRoundTests
{
    [Fact]
    public async Task A_bad_route_value_a_body_value_of_the_wrong_type_and_a_failed_rule_are_one_answer()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.PostAsync("/api/v1/shops/abc/things", DoorCase.JsonContent("""{"name":"","quantity":"many"}"""));

        var errors = await RefusedAsync(response);
        errors.Keys.Should().BeEquivalentTo("shopId", "quantity", "name");
        errors["shopId"].Should().Equal("The value of 'shopId' is not an integer.");
        errors["quantity"].Should().Equal("The value of 'quantity' is not an integer.");
        errors["name"].Should().ContainSingle().Which.Should().Contain("required");
        host.Store().Received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_body_naming_a_route_bound_member_is_named_beside_the_other_mistakes()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.PostAsync("/api/v1/shops/5/things", DoorCase.JsonContent("""{"shopId":5,"name":"","quantity":1}"""));

        var errors = await RefusedAsync(response);
        errors.Keys.Should().BeEquivalentTo("shopId", "name");
        errors["shopId"].Should().Equal("The shopId value comes from the URL; the body must not name it.");
        host.Store().Received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_body_too_long_for_its_rule_and_an_unknown_member_are_one_answer_and_JSON_stays_strict()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.PostAsync("/api/v1/shops/5/things", DoorCase.JsonContent("{\"name\":\"" + new string('n', 41) + "\",\"colour\":\"red\"}"));

        var errors = await RefusedAsync(response);
        errors.Keys.Should().BeEquivalentTo("name", "colour");
        errors["colour"].Should().Equal("The request has no member 'colour'.");
        host.Store().Received.Should().BeEmpty();
    }

    private static async Task<Dictionary<string, string[]>> RefusedAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.ValidationFailed);
        return problem.Errors!;
    }
}
