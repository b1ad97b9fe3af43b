using System.Net;
using Hybrid.Testing;

namespace Hybrid.Security.Tests;

/// <summary>The control: the same host takes a well-formed, same-origin request on both doors, so every refusal above is the check's doing.</summary>
public sealed class HappyPathTests(SecurityHost host) : IClassFixture<SecurityHost>
{
    [Fact]
    public async Task A_well_formed_request_runs_once_on_each_door()
    {
        using var action = SecurityHost.Action("CreateNote", DoorCase.JsonContent("""{"title":"fine","tags":["a"],"sections":[{"heading":"h"}]}"""));
        action.Headers.Add("Origin", SecurityHost.SameOrigin);
        action.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var rest = SecurityHost.Rest("notes", DoorCase.JsonContent("""{"title":"fine"}"""));

        using var viaAction = await host.Client.SendAsync(action);
        using var viaRest = await host.Client.SendAsync(rest);

        viaAction.StatusCode.Should().Be(HttpStatusCode.OK);
        viaRest.StatusCode.Should().Be(HttpStatusCode.Created);
        host.Ledger.Runs.Should().Be(2);
        host.Ledger.Stored.Should().HaveCount(2);
    }
}
