using System.Net;
using Hybrid.Testing;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace Hybrid.Contract.Tests;

public sealed class DoorPolicyTests
{
    [Fact]
    public async Task Each_door_of_a_protected_operation_carries_its_own_schemes_and_an_anonymous_one_none()
    {
        await using var host = await StartAsync();

        string Schemes(Type request, string door) => string.Join(" + ", host.Endpoints
            .Where(e => e.Metadata.GetMetadata<HybridEndpointMetadata>() is { } m && m.Operation.RequestType == request && m.Door == door)
            .SelectMany(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>())
            .Select(a => $"{a.Roles}|{a.AuthenticationSchemes}"));

        Schemes(typeof(RemoveNote), HybridDoors.Action).Should().Be("moderator| + |Cookies");
        Schemes(typeof(RemoveNote), HybridDoors.Rest).Should().Be("moderator| + |TestBearer");
        Schemes(typeof(EditNote), HybridDoors.Action).Should().Be("| + |TestBearer", "its own declaration wins over the app-wide action schemes");
        Schemes(typeof(ReadNote), HybridDoors.Action).Should().BeEmpty();
    }

    [Theory]
    [InlineData("action", "cookie", "ada", "moderator", HttpStatusCode.NoContent)]
    [InlineData("action", "cookie", "grace", null, HttpStatusCode.Forbidden)]
    [InlineData("action", "none", null, null, HttpStatusCode.Unauthorized)]
    [InlineData("action", "bearer", "ada", "moderator", HttpStatusCode.Unauthorized)]
    [InlineData("rest", "bearer", "ada", "moderator", HttpStatusCode.NoContent)]
    [InlineData("rest", "bearer", "grace", null, HttpStatusCode.Forbidden)]
    [InlineData("rest", "none", null, null, HttpStatusCode.Unauthorized)]
    [InlineData("rest", "cookie", "ada", "moderator", HttpStatusCode.Unauthorized)]
    public async Task A_credential_counts_only_on_its_own_door(string door, string credential, string? user, string? role, HttpStatusCode expected)
    {
        await using var host = await StartAsync();
        using var request = door == "action"
            ? new HttpRequestMessage(HttpMethod.Post, "/_actions/RemoveNote") { Content = DoorCase.JsonContent("""{"id":2}""") }
            : new HttpRequestMessage(HttpMethod.Delete, "/api/v1/notes/2");
        if (credential == "cookie")
        {
            request.Headers.Add("Cookie", await host.CookieForAsync(user!, role));
        }
        else if (credential == "bearer")
        {
            request.Headers.Add("Authorization", $"Bearer {user}:{role}");
        }

        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(expected);
        if (expected == HttpStatusCode.NoContent)
        {
            host.Notes().Notes.Should().NotContainKey(2);
            host.Notes().RemovedBy.Should().Equal(user);
            return;
        }

        (await response.ReadProblemAsync()).Code.Should().Be(expected == HttpStatusCode.Forbidden ? "forbidden" : "unauthorized");
        host.Notes().Notes.Should().ContainKey(2);
        host.Notes().RemovedBy.Should().BeEmpty();
    }

    [Fact]
    public async Task A_signed_out_plain_form_goes_to_the_login_page_and_back_to_its_own_page()
    {
        await using var host = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_actions/RemoveNote")
        {
            Content = new FormUrlEncodedContent([new("id", "2")]),
        };
        request.Headers.Referrer = new Uri(host.Client.BaseAddress!, "/notes/page?x=1");

        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().EndWith("/login?ReturnUrl=%2Fnotes%2Fpage%3Fx%3D1");
        host.Notes().Notes.Should().ContainKey(2);
    }

    [Fact]
    public async Task A_signed_in_user_without_the_role_goes_back_to_the_form_with_the_reason()
    {
        await using var host = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_actions/RemoveNote") { Content = new FormUrlEncodedContent([new("id", "2")]) };
        request.Headers.Referrer = new Uri(host.Client.BaseAddress!, "/notes/page");
        request.Headers.Add("Cookie", await host.CookieForAsync("grace", role: null));

        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        response.Headers.Location!.ToString().Should().Be("/notes/page");
        response.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith(".Hybrid.Form=", StringComparison.Ordinal));
        host.Notes().Notes.Should().ContainKey(2);
    }

    [Fact]
    public async Task A_plain_form_from_another_host_is_sent_back_to_the_root_after_sign_in()
    {
        await using var host = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_actions/RemoveNote") { Content = new FormUrlEncodedContent([new("id", "2")]) };
        request.Headers.Referrer = new Uri("https://evil.example/page");

        using var response = await host.Client.SendAsync(request);

        response.Headers.Location!.ToString().Should().EndWith("/login?ReturnUrl=%2F");
    }

    [Fact]
    public async Task A_script_calling_a_protected_action_gets_a_401_problem_not_a_redirect()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.PostAsync("/_actions/RemoveNote", DoorCase.JsonContent("""{"id":2}"""));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.Location.Should().BeNull();
        (await response.ReadProblemAsync()).Code.Should().Be("unauthorized");
    }

    [Fact]
    public async Task A_REST_door_that_takes_cookies_refuses_cross_site_writes_and_takes_same_site_ones()
    {
        await using var host = await StartAsync(restScheme: CookieAuthenticationDefaults.AuthenticationScheme);
        var cookie = await host.CookieForAsync("ada", "moderator");

        using var crossSite = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/notes/2");
        crossSite.Headers.Add("Cookie", cookie);
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var refused = await host.Client.SendAsync(crossSite);
        using var sameSite = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/notes/3");
        sameSite.Headers.Add("Cookie", cookie);
        sameSite.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var accepted = await host.Client.SendAsync(sameSite);

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await refused.ReadProblemAsync()).Code.Should().Be("cross_site_request");
        host.Notes().Notes.Should().ContainKey(2);
        accepted.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_REST_door_on_bearer_tokens_does_not_check_the_site()
    {
        await using var host = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/notes/2");
        request.Headers.Add("Authorization", "Bearer ada:moderator");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    /// <summary>The REST door on one scheme: <see cref="TestBearer"/> unless a test gives it the cookie.</summary>
    private static Task<TestHost> StartAsync(string restScheme = TestBearer.Name) => AuthHost.StartAsync(restSchemes: [restScheme]);
}
