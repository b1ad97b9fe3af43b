using System.Net;
using Hybrid.Testing;

namespace Hybrid.Actions.Tests;

public sealed class RoutingProblemTests
{
    [Fact]
    public async Task Unknown_action_id_is_a_404_unknown_action_problem()
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.JsonPost("NoSuchAction", "{}", xsrf));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.UnknownAction);
        problem.Status.Should().Be(404);
        problem.TraceId.Should().NotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("/_actions")]
    [InlineData("/_actions/")]
    [InlineData("/_actions/CreateNote/extra")]
    public async Task Paths_under_the_action_group_that_name_no_action_are_404(string path)
    {
        await using var host = await ActionsHost.StartAsync();

        using var response = await host.Client.PostAsync(path, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.ReadProblemAsync()).Code.Should().Be(ProblemCodes.UnknownAction);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Other_verb_on_a_known_action_is_405_with_Allow_POST(string method)
    {
        await using var host = await ActionsHost.StartAsync();

        using var response = await host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/_actions/CreateNote"));

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.Should().Equal("POST");
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.MethodNotAllowed);
        host.Store().HandlerCalls.Should().Be(0);
    }

    [Fact]
    public async Task GET_on_an_unknown_id_is_404_not_405()
    {
        await using var host = await ActionsHost.StartAsync();

        using var response = await host.Client.GetAsync("/_actions/NoSuchAction");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.Allow.Should().BeEmpty();
    }
}
