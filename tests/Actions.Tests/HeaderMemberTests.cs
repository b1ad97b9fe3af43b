using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;

namespace Hybrid.Actions.Tests;

/// <summary>[FromHeader] is a REST-route binding: the action door reads the member from its body as any other.</summary>
public sealed class HeaderMemberTests
{
    [Fact]
    public async Task The_action_door_binds_a_from_header_member_from_the_body_and_ignores_the_header()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(o => o.Expose<StampNote>(b => b.AsAction().Route("POST", "notes/stamp", statusCode: 200)));
        var xsrf = await host.GetXsrfAsync();
        using var action = ActionsHost.JsonPost("StampNote", """{"stamp":"body","text":"t"}""", xsrf);
        action.Headers.Add("X-Stamp", "header");
        using var rest = new HttpRequestMessage(HttpMethod.Post, "/api/v1/notes/stamp") { Content = JsonContent.Create(new { text = "t" }) };
        rest.Headers.Add("X-Stamp", "header");

        using var fromAction = await host.Client.SendAsync(action);
        using var fromRest = await host.Client.SendAsync(rest);

        fromAction.StatusCode.Should().Be(HttpStatusCode.OK);
        (await fromAction.Content.ReadFromJsonAsync<string>()).Should().Be("body|t");
        fromRest.StatusCode.Should().Be(HttpStatusCode.OK);
        (await fromRest.Content.ReadFromJsonAsync<string>()).Should().Be("header|t");
    }
}
