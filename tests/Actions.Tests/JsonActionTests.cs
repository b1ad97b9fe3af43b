using Microsoft.Extensions.DependencyInjection;
using Hybrid.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hybrid.Actions.Tests;

public sealed class JsonActionTests
{
    [Fact]
    public async Task Json_action_returns_200_with_the_handlers_result()
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.JsonPost(
            "CreateNote", """{"title":"Buy milk","priority":3,"pinned":true,"color_code":"#00ff00","weight":1.5}""", xsrf));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/json");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("id").GetInt32().Should().Be(1);
        body.GetProperty("title").GetString().Should().Be("Buy milk");
        body.GetProperty("priority").GetInt32().Should().Be(3);
        body.GetProperty("pinned").GetBoolean().Should().BeTrue();
        body.GetProperty("colorCode").GetString().Should().Be("#00ff00");
        body.GetProperty("weight").GetDecimal().Should().Be(1.5m);
        host.Store().Notes.Should().ContainSingle().Which.Title.Should().Be("Buy milk");
    }

    [Fact]
    public async Task Unit_action_returns_204_without_a_body()
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.JsonPost("ClearNotes", """{"confirm":true}""", xsrf));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        host.Store().HandlerCalls.Should().Be(1);
    }

    [Fact]
    public async Task Action_attribute_id_replaces_the_type_name()
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.JsonPost("custom-id", "{}", xsrf));
        using var byTypeName = await host.Client.SendAsync(ActionsHost.JsonPost("CountNotes", "{}", xsrf));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<int>()).Should().Be(0);
        byTypeName.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await byTypeName.ReadProblemAsync()).Code.Should().Be(ProblemCodes.UnknownAction);
        host.Store().HandlerCalls.Should().Be(1);
    }

    [Fact]
    public async Task Expose_in_code_with_AsAction_maps_the_given_id()
    {
        await using var host = await ActionsHost.StartAsync(o => o.Expose<Ping>(b => b.AsAction("x")));
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.JsonPost("x", """{"message":"hi"}""", xsrf));
        using var byTypeName = await host.Client.SendAsync(ActionsHost.JsonPost("Ping", "{}", xsrf));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<string>()).Should().Be("pong hi");
        byTypeName.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_request_type_not_exposed_is_not_an_action()
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var ping = await host.Client.SendAsync(ActionsHost.JsonPost("Ping", "{}", xsrf));
        using var restOnly = await host.Client.SendAsync(ActionsHost.JsonPost("ListNotes", "{}", xsrf));

        ping.StatusCode.Should().Be(HttpStatusCode.NotFound);
        restOnly.StatusCode.Should().Be(HttpStatusCode.NotFound);
        host.Store().HandlerCalls.Should().Be(0);
    }

    [Fact]
    public async Task Action_ids_are_matched_ignoring_case()
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.JsonPost("createnote", """{"title":"a"}""", xsrf));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
