using System.Net;
using Hybrid.Testing;

namespace Hybrid.Actions.Tests;

public sealed class CrossSiteTests
{
    private const string Body = """{"title":"From elsewhere"}""";

    [Theory]
    [InlineData("cross-site")]
    [InlineData("same-site")]
    public async Task Sec_Fetch_Site_other_than_same_origin_is_refused_with_403_even_with_a_valid_token(string site)
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();
        using var message = ActionsHost.JsonPost("CreateNote", Body, xsrf);
        message.Headers.Add("Sec-Fetch-Site", site);

        using var response = await host.Client.SendAsync(message);

        await ShouldBeCrossSiteAsync(host, response);
    }

    [Theory]
    [InlineData("same-origin")]
    [InlineData("none")]
    public async Task Sec_Fetch_Site_of_the_app_itself_is_accepted(string site)
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();
        using var message = ActionsHost.JsonPost("CreateNote", Body, xsrf);
        message.Headers.Add("Sec-Fetch-Site", site);

        using var response = await host.Client.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("https://localhost")]
    [InlineData("http://localhost:8080")]
    [InlineData("null")]
    public async Task Origin_of_another_site_is_refused_with_403(string origin)
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();
        using var message = ActionsHost.JsonPost("CreateNote", Body, xsrf);
        message.Headers.Add("Origin", origin);

        using var response = await host.Client.SendAsync(message);

        await ShouldBeCrossSiteAsync(host, response);
    }

    [Fact]
    public async Task Origin_of_the_app_itself_is_accepted()
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();
        using var message = ActionsHost.JsonPost("CreateNote", Body, xsrf);
        message.Headers.Add("Origin", "http://localhost");

        using var response = await host.Client.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Cross_site_form_post_is_refused_before_antiforgery()
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();
        using var message = ActionsHost.FormPost("CreateNote", xsrf, [new("title", "x"), new("__returnUrl", "/")]);
        message.Headers.Add("Sec-Fetch-Site", "cross-site");
        message.Headers.Add("Origin", "http://evil.example");

        using var response = await host.Client.SendAsync(message);

        await ShouldBeCrossSiteAsync(host, response);
    }

    private static async Task ShouldBeCrossSiteAsync(TestHost host, HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.CrossSiteRequest);
        problem.Status.Should().Be(403);
        host.Store().HandlerCalls.Should().Be(0);
        host.Store().Notes.Should().BeEmpty();
    }
}
