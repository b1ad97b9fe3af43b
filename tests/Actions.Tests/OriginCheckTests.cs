using System.Net;
using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Actions.Tests;

/// <summary>
/// The default CSRF defence: the origin check alone, no token (as Go's CrossOriginProtection);
/// trusted origins; and tokens turned on per action or for the app.
/// </summary>
public sealed class OriginCheckTests
{
    [Fact]
    public async Task A_same_origin_browser_request_needs_no_token_by_default()
    {
        await using var host = await ActionsHost.StartAsync();
        using var request = ActionsHost.JsonPost("CreateNote", """{"title":"no token"}""", xsrf: null);
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        request.Headers.Add("Origin", host.Client.BaseAddress!.GetLeftPart(UriPartial.Authority));

        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Store().Notes.Should().ContainSingle(n => n.Title == "no token");
    }

    [Fact]
    public async Task A_client_that_is_not_a_browser_needs_no_token_by_default()
    {
        await using var host = await ActionsHost.StartAsync();
        using var response = await host.Client.SendAsync(ActionsHost.JsonPost("CreateNote", """{"title":"curl"}""", xsrf: null));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Store().Notes.Should().ContainSingle(n => n.Title == "curl");
    }

    [Theory]
    [InlineData("cross-site", "https://evil.example")]
    [InlineData("same-site", "https://other.localhost")]
    [InlineData(null, "https://evil.example")]
    [InlineData(null, "null")]
    public async Task Another_origin_is_refused_with_403_before_the_body_is_read(string? site, string origin)
    {
        await using var host = await ActionsHost.StartAsync();
        using var request = ActionsHost.JsonPost("CreateNote", """{"title":"forged"}""", xsrf: null);
        if (site is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", site);
        }

        request.Headers.Add("Origin", origin);
        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.ReadProblemAsync()).Code.Should().Be("cross_site_request");
        host.Store().Notes.Should().BeEmpty();
    }

    [Theory]
    [InlineData("same-site")]
    [InlineData("cross-site")]
    [InlineData(null)]
    public async Task A_trusted_origin_is_accepted(string? site)
    {
        await using var host = await ActionsHost.StartAsync(o => o.TrustedOrigins.Add("https://admin.example.com"));
        using var request = ActionsHost.JsonPost("CreateNote", """{"title":"from admin"}""", xsrf: null);
        if (site is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", site);
        }

        request.Headers.Add("Origin", "https://ADMIN.example.com");
        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Store().Notes.Should().ContainSingle(n => n.Title == "from admin");
    }

    [Theory]
    [InlineData("https://admin.example.com/")]
    [InlineData("https://admin.example.com/path")]
    [InlineData("admin.example.com")]
    [InlineData("ftp://admin.example.com")]
    [InlineData("*")]
    public async Task A_malformed_trusted_origin_stops_the_app_at_start(string origin)
    {
        var start = () => ActionsHost.StartAsync(o => o.TrustedOrigins.Add(origin));

        (await start.Should().ThrowAsync<HybridConfigurationException>())
            .Which.Message.Should().Contain("TrustedOrigins");
    }

    [Fact]
    public async Task One_action_can_require_a_token_with_a_convention()
    {
        await using var host = await ActionsHost.StartAsync(o => o.Expose<Ping>(op =>
        {
            op.AsAction();
            op.Action().RequireAntiforgeryToken();
        }));

        using var ping = await host.Client.SendAsync(ActionsHost.JsonPost("Ping", "{}", xsrf: null));
        using var note = await host.Client.SendAsync(ActionsHost.JsonPost("CreateNote", """{"title":"free"}""", xsrf: null));
        var xsrf = await host.GetXsrfAsync();
        using var withToken = await host.Client.SendAsync(ActionsHost.JsonPost("Ping", "{}", xsrf));

        ping.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ping.ReadProblemAsync()).Code.Should().Be("antiforgery_failed");
        note.StatusCode.Should().Be(HttpStatusCode.OK);
        withToken.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task One_action_can_require_a_token_with_an_attribute()
    {
        await using var host = await ActionsHost.StartAsync(o => o.Expose<GuardedPing>(op => op.AsAction()));

        using var response = await host.Client.SendAsync(ActionsHost.JsonPost("GuardedPing", "{}", xsrf: null));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Code.Should().Be("antiforgery_failed");
    }

    [Fact]
    public async Task Tokens_on_for_the_app_can_be_turned_off_for_one_action()
    {
        await using var host = await ActionsHost.StartAsync(
            o => o.Expose<Ping>(op =>
            {
                op.AsAction();
                op.Action().DisableAntiforgery();
            }),
            requireTokens: true);

        using var ping = await host.Client.SendAsync(ActionsHost.JsonPost("Ping", "{}", xsrf: null));
        using var note = await host.Client.SendAsync(ActionsHost.JsonPost("CreateNote", """{"title":"guarded"}""", xsrf: null));

        ping.StatusCode.Should().Be(HttpStatusCode.OK);
        note.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        host.Store().Notes.Should().BeEmpty();
    }

    [Fact]
    public async Task Without_tokens_an_app_needs_no_antiforgery_services()
    {
        await using var host = await TestHost.StartAsync(
            [typeof(CreateNote).Assembly],
            services: s => s.AddSingleton<NoteStore>(),
            map: app => app.MapHybridActions());

        using var response = await host.Client.SendAsync(ActionsHost.JsonPost("CreateNote", """{"title":"lean"}""", xsrf: null));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Services.GetService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>().Should().BeNull("AddHybrid registers no antiforgery of its own");
    }

    [Fact]
    public async Task Tokens_without_antiforgery_services_stop_the_app_at_start_with_one_HYB023()
    {
        var start = () => TestHost.StartAsync(
            [typeof(CreateNote).Assembly],
            o => o.Actions().RequireAntiforgeryTokens = true,
            s => s.AddSingleton<NoteStore>(),
            app => app.MapHybridActions());

        var error = (await start.Should().ThrowAsync<HybridConfigurationException>()).Which;
        error.Errors.Should().ContainSingle(e => e.Id == "HYB023");
        error.Message.Should().Contain("AddAntiforgery");
    }

    [Fact]
    public async Task An_action_requiring_a_token_by_attribute_without_antiforgery_services_stops_the_app_too()
    {
        var start = () => TestHost.StartAsync(
            [typeof(CreateNote).Assembly],
            o => o.Expose<GuardedPing>(op => op.AsAction()),
            s => s.AddSingleton<NoteStore>(),
            app => app.MapHybridActions());

        (await start.Should().ThrowAsync<HybridConfigurationException>()).Which.Errors.Should().ContainSingle(e => e.Id == "HYB023");
    }
}
