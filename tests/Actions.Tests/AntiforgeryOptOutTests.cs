using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using Hybrid.Testing;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;

namespace Hybrid.Actions.Tests;

/// <summary>
/// ASP.NET Core's DisableAntiforgery() on one action, from op.Action() or ForOperation&lt;T&gt;(),
/// lets that action through without a token; every other action still requires one.
/// </summary>
public sealed class AntiforgeryOptOutTests
{
    [Fact]
    public async Task DisableAntiforgery_on_op_Action_lets_that_action_through_without_a_token()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(o =>
        {
            o.Expose<Unguarded>(op =>
            {
                op.AsAction();
                op.Action().DisableAntiforgery();
            });
            o.Expose<Ping>(op => op.AsAction());
        }, requireTokens: true);

        await ShouldLetOnlyUnguardedThroughAsync(host);
    }

    [Fact]
    public async Task DisableAntiforgery_with_ForOperation_lets_that_action_through_without_a_token()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(
            o =>
            {
                o.Expose<Unguarded>(op => op.AsAction());
                o.Expose<Ping>(op => op.AsAction());
            },
            app => app.MapHybridActions().ForOperation<Unguarded>().DisableAntiforgery(), requireTokens: true);

        await ShouldLetOnlyUnguardedThroughAsync(host);
    }

    [Fact]
    public async Task A_form_post_without_a_token_reaches_an_opted_out_action()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(o => o.Expose<Unguarded>(op =>
        {
            op.AsAction();
            op.Action().DisableAntiforgery();
        }), requireTokens: true);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/_actions/Unguarded") { Content = new FormUrlEncodedContent([new("text", "form")]) };
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<string>()).Should().Be("unguarded form");
    }

    [Fact]
    public async Task DisableAntiforgery_on_the_door_lets_every_action_through_without_a_token()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(
            o => o.Expose<Unguarded>(op => op.AsAction()),
            app => app.MapHybridActions().DisableAntiforgery(), requireTokens: true);

        using var unguarded = await host.Client.SendAsync(ActionsHost.ActionPost("Unguarded", DoorCase.JsonContent("""{"text":"hi"}"""), xsrf: null));
        using var create = await host.Client.SendAsync(ActionsHost.ActionPost("CreateNote", DoorCase.JsonContent("""{"title":"hi"}"""), xsrf: null));

        unguarded.StatusCode.Should().Be(HttpStatusCode.OK);
        create.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Store().HandlerCalls.Should().Be(1);
    }

    [Fact]
    public async Task The_last_antiforgery_metadata_wins()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(
            o =>
            {
                o.Expose<Unguarded>(op =>
                {
                    op.AsAction();
                    op.Action().WithMetadata(new RequireAntiforgeryTokenAttribute(required: false));
                });
                o.Expose<Ping>(op =>
                {
                    op.AsAction();
                    op.Action().WithMetadata(new RequireAntiforgeryTokenAttribute(required: false));
                });
            },
            app =>
            {
                // Metadata that requires validation needs ASP.NET Core's middleware, whose verdict the door then uses.
                app.UseAntiforgery();
                app.MapHybridActions().ForOperation<Unguarded>().WithMetadata(new RequireAntiforgeryTokenAttribute());
            }, requireTokens: true);

        using var unguarded = await host.Client.SendAsync(ActionsHost.ActionPost("Unguarded", DoorCase.JsonContent("""{"text":"hi"}"""), xsrf: null));
        using var ping = await host.Client.SendAsync(ActionsHost.ActionPost("Ping", DoorCase.JsonContent("""{"message":"hi"}"""), xsrf: null));

        unguarded.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await unguarded.ReadProblemAsync()).Code.Should().Be(ProblemCodes.AntiforgeryFailed);
        host.Calls().Of(nameof(Unguarded)).Should().Be(0);
        ping.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ping.Content.ReadFromJsonAsync<string>()).Should().Be("pong hi");
    }

    [Fact]
    public async Task A_token_the_apps_UseAntiforgery_rejected_is_the_doors_400_for_json_and_forms()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(
            o => o.Expose<Unguarded>(op =>
            {
                op.AsAction();
                op.Action().WithMetadata(new RequireAntiforgeryTokenAttribute());
            }),
            app =>
            {
                app.UseAntiforgery();
                app.MapHybridActions();
            }, requireTokens: true);
        var xsrf = await ActionsHost.GetXsrfAsync(host.Client);

        using var jsonWithout = await host.Client.SendAsync(ActionsHost.ActionPost("Unguarded", DoorCase.JsonContent("""{"text":"json"}"""), xsrf: null));
        using var formWithoutRequest = new HttpRequestMessage(HttpMethod.Post, "/_actions/Unguarded") { Content = new FormUrlEncodedContent([new("text", "form")]) };
        formWithoutRequest.Headers.Accept.ParseAdd("application/json");
        using var formWithout = await host.Client.SendAsync(formWithoutRequest);
        using var jsonWith = await host.Client.SendAsync(ActionsHost.ActionPost("Unguarded", DoorCase.JsonContent("""{"text":"json"}"""), xsrf));
        using var formWith = await host.Client.SendAsync(ActionsHost.FormPost("Unguarded", xsrf, [new("text", "form")], accept: "application/json"));

        foreach (var refused in new[] { jsonWithout, formWithout })
        {
            refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await refused.ReadProblemAsync()).Code.Should().Be(ProblemCodes.AntiforgeryFailed);
        }

        jsonWith.StatusCode.Should().Be(HttpStatusCode.OK);
        (await jsonWith.Content.ReadFromJsonAsync<string>()).Should().Be("unguarded json");
        formWith.StatusCode.Should().Be(HttpStatusCode.OK);
        (await formWith.Content.ReadFromJsonAsync<string>()).Should().Be("unguarded form");
        host.Calls().Of(nameof(Unguarded)).Should().Be(2);
    }

    private static async Task ShouldLetOnlyUnguardedThroughAsync(TestHost host)
    {
        using var unguarded = await host.Client.SendAsync(ActionsHost.ActionPost("Unguarded", DoorCase.JsonContent("""{"text":"hi"}"""), xsrf: null));
        using var ping = await host.Client.SendAsync(ActionsHost.ActionPost("Ping", DoorCase.JsonContent("""{"message":"hi"}"""), xsrf: null));
        using var create = await host.Client.SendAsync(ActionsHost.ActionPost("CreateNote", DoorCase.JsonContent("""{"title":"hi"}"""), xsrf: null));

        unguarded.StatusCode.Should().Be(HttpStatusCode.OK);
        (await unguarded.Content.ReadFromJsonAsync<string>()).Should().Be("unguarded hi");
        host.Calls().Of(nameof(Unguarded)).Should().Be(1);
        foreach (var refused in new[] { ping, create })
        {
            refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await refused.ReadProblemAsync()).Code.Should().Be(ProblemCodes.AntiforgeryFailed);
        }

        host.Store().HandlerCalls.Should().Be(0);

        // With a token the guarded ones work: the refusal was the missing token, nothing else.
        var xsrf = await ActionsHost.GetXsrfAsync(host.Client);
        using var pingWithToken = await host.Client.SendAsync(ActionsHost.ActionPost("Ping", DoorCase.JsonContent("""{"message":"hi"}"""), xsrf));
        pingWithToken.StatusCode.Should().Be(HttpStatusCode.OK);
        (await pingWithToken.Content.ReadFromJsonAsync<string>()).Should().Be("pong hi");
    }
}
