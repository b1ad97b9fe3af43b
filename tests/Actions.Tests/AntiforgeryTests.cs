using System.Net;
using Hybrid.Testing;

namespace Hybrid.Actions.Tests;

public sealed class AntiforgeryTests
{
    private const string Body = """{"title":"Sneaky","priority":2}""";

    [Fact]
    public async Task Valid_token_in_header_with_cookie_is_accepted()
    {
        await using var host = await ActionsHost.StartAsync(requireTokens: true);
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.JsonPost("CreateNote", Body, xsrf));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Store().Notes.Should().ContainSingle();
    }

    [Fact]
    public async Task Token_page_sets_the_antiforgery_cookie_and_a_script_readable_XSRF_TOKEN_cookie()
    {
        await using var host = await ActionsHost.StartAsync(requireTokens: true);

        using var response = await host.Client.GetAsync(ActionsHost.TokenPath);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        var token = await response.Content.ReadAsStringAsync();

        var xsrf = cookies.Should().ContainSingle(c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal)).Which;
        xsrf.Should().StartWith("XSRF-TOKEN=" + token + ";");
        xsrf.Should().NotContainEquivalentOf("httponly");
        xsrf.Should().ContainEquivalentOf("samesite=strict");
        cookies.Should().ContainSingle(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal))
            .Which.Should().ContainEquivalentOf("httponly");
    }

    [Fact]
    public async Task Missing_token_is_refused_with_400_and_the_handler_does_not_run()
    {
        await using var host = await ActionsHost.StartAsync(requireTokens: true);
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.JsonPost("CreateNote", Body, xsrf: null, cookies: xsrf.CookieHeader));

        await ShouldBeRefusedAsync(host, response);
    }

    [Fact]
    public async Task Token_of_another_issuance_is_refused_with_400_and_the_handler_does_not_run()
    {
        await using var host = await ActionsHost.StartAsync(requireTokens: true);
        var mine = await host.GetXsrfAsync();
        var other = await host.GetXsrfAsync();
        mine.RequestToken.Should().NotBe(other.RequestToken);

        using var response = await host.Client.SendAsync(ActionsHost.JsonPost("CreateNote", Body, mine, token: other.RequestToken));

        await ShouldBeRefusedAsync(host, response);
    }

    [Fact]
    public async Task Garbage_token_is_refused_with_400_and_the_handler_does_not_run()
    {
        await using var host = await ActionsHost.StartAsync(requireTokens: true);
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.JsonPost("CreateNote", Body, xsrf, token: "not-a-token"));

        await ShouldBeRefusedAsync(host, response);
    }

    [Fact]
    public async Task Token_without_the_antiforgery_cookie_is_refused_with_400_and_the_handler_does_not_run()
    {
        await using var host = await ActionsHost.StartAsync(requireTokens: true);
        var xsrf = await host.GetXsrfAsync();

        // The script-readable XSRF-TOKEN cookie alone proves nothing: the HttpOnly cookie is missing.
        using var response = await host.Client.SendAsync(ActionsHost.JsonPost("CreateNote", Body, xsrf, cookies: xsrf.XsrfCookie));

        await ShouldBeRefusedAsync(host, response);
    }

    [Fact]
    public async Task No_cookie_and_no_token_is_refused_with_400()
    {
        await using var host = await ActionsHost.StartAsync(requireTokens: true);

        using var response = await host.Client.SendAsync(ActionsHost.JsonPost("CreateNote", Body, xsrf: null));

        await ShouldBeRefusedAsync(host, response);
    }

    [Fact]
    public async Task Unit_action_is_guarded_too()
    {
        await using var host = await ActionsHost.StartAsync(requireTokens: true);

        using var response = await host.Client.SendAsync(ActionsHost.JsonPost("ClearNotes", "{}", xsrf: null));

        await ShouldBeRefusedAsync(host, response);
    }

    [Fact]
    public async Task Form_post_without_the_form_field_is_refused()
    {
        await using var host = await ActionsHost.StartAsync(requireTokens: true);
        var xsrf = await host.GetXsrfAsync();
        using var message = new HttpRequestMessage(HttpMethod.Post, "/_actions/CreateNote")
        {
            Content = new FormUrlEncodedContent([new("title", "Sneaky")]),
        };
        message.Headers.Add("Cookie", xsrf.CookieHeader);

        using var response = await host.Client.SendAsync(message);

        await ShouldBeRefusedAsync(host, response);
    }

    private static async Task ShouldBeRefusedAsync(TestHost host, HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.AntiforgeryFailed);
        problem.Status.Should().Be(400);
        host.Store().HandlerCalls.Should().Be(0);
        host.Store().Notes.Should().BeEmpty();
    }
}
