using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;

namespace Hybrid.Actions.Tests;

/// <summary>
/// [Authorize] on a request type, enforced by ASP.NET Core's own authentication and authorization
/// middleware on both doors, with a real authentication handler; refusals are problem details.
/// </summary>
public sealed class OperationAuthorizationTests
{
    private static readonly TestUser Admin = new("alice", "admin");
    private static readonly TestUser Editor = new("bob", "editor");

    private static Task<TestHost> StartAsync(bool explicitMiddleware, Action<WebApplication>? map = null, Action<HybridOptions>? configure = null) =>
        ActionsHost.StartBothDoorsAsync(
            configure ?? (o => o.Expose<AdminReport>(op => op.AsAction().Post("reports"))),
            app =>
            {
                if (explicitMiddleware)
                {
                    app.UseAuthentication();
                    app.UseAuthorization();
                }

                if (map is null)
                {
                    app.MapHybridActions();
                    app.MapHybridRest();
                }
                else
                {
                    map(app);
                }
            },
            HeaderAuthenticationHandler.Register, requireTokens: true);

    // WebApplication adds UseAuthentication()/UseAuthorization() itself when their services are
    // registered (false), and an app may also call them (true): both must give the same answers.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Anonymous_caller_gets_a_401_problem_from_both_doors_and_the_handler_does_not_run(bool explicitMiddleware)
    {
        await using var host = await StartAsync(explicitMiddleware);
        var xsrf = await ActionsHost.GetXsrfAsync(host.Client);

        using var action = await host.Client.SendAsync(ActionsHost.ActionPost("AdminReport", DoorCase.JsonContent("""{"title":"q3"}"""), xsrf));
        using var rest = await host.Client.SendAsync(ActionsHost.RestSend(HttpMethod.Post, "/api/v1/reports", DoorCase.JsonContent("""{"title":"q3"}""")));

        foreach (var response in new[] { action, rest })
        {
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            var problem = await response.ReadProblemAsync();
            problem.Status.Should().Be(401);
            problem.Code.Should().Be(ProblemCodes.Unauthorized);
            problem.Type.Should().Be("https://tools.ietf.org/html/rfc9110#section-15.5.2");
            problem.Title.Should().Be("Unauthorized");
            problem.TraceId.Should().NotBeNullOrEmpty();
        }

        host.Calls().Of(nameof(AdminReport)).Should().Be(0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Signed_in_caller_without_the_role_gets_a_403_problem_from_both_doors_and_the_handler_does_not_run(bool explicitMiddleware)
    {
        await using var host = await StartAsync(explicitMiddleware);
        var xsrf = await ActionsHost.GetXsrfAsync(host.Client, Editor);

        using var action = await host.Client.SendAsync(ActionsHost.ActionPost("AdminReport", DoorCase.JsonContent("""{"title":"q3"}"""), xsrf, Editor));
        using var rest = await host.Client.SendAsync(ActionsHost.RestSend(HttpMethod.Post, "/api/v1/reports", DoorCase.JsonContent("""{"title":"q3"}"""), Editor));

        foreach (var response in new[] { action, rest })
        {
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            var problem = await response.ReadProblemAsync();
            problem.Status.Should().Be(403);
            problem.Code.Should().Be(ProblemCodes.Forbidden);
            problem.Type.Should().Be("https://tools.ietf.org/html/rfc9110#section-15.5.4");
        }

        host.Calls().Of(nameof(AdminReport)).Should().Be(0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Admin_gets_the_result_from_both_doors(bool explicitMiddleware)
    {
        await using var host = await StartAsync(explicitMiddleware);
        var xsrf = await ActionsHost.GetXsrfAsync(host.Client, Admin);

        using var action = await host.Client.SendAsync(ActionsHost.ActionPost("AdminReport", DoorCase.JsonContent("""{"title":"q3"}"""), xsrf, Admin));
        using var rest = await host.Client.SendAsync(ActionsHost.RestSend(HttpMethod.Post, "/api/v1/reports", DoorCase.JsonContent("""{"title":"q4"}"""), Admin));

        action.StatusCode.Should().Be(HttpStatusCode.OK, await action.Content.ReadAsStringAsync());
        (await action.Content.ReadFromJsonAsync<string>()).Should().Be("report q3");
        rest.StatusCode.Should().Be(HttpStatusCode.Created, await rest.Content.ReadAsStringAsync());
        (await rest.Content.ReadFromJsonAsync<string>()).Should().Be("report q4");
        host.Calls().Of(nameof(AdminReport)).Should().Be(2);
    }

    [Fact]
    public async Task Admin_still_runs_the_doors_own_checks_after_authorization()
    {
        await using var host = await StartAsync(explicitMiddleware: false);
        var xsrf = await ActionsHost.GetXsrfAsync(host.Client, Admin);

        // A token issued to someone else is not the admin's; a cross-site post is refused before it.
        var anonymousXsrf = await ActionsHost.GetXsrfAsync(host.Client);
        using var foreignToken = await host.Client.SendAsync(ActionsHost.ActionPost("AdminReport", DoorCase.JsonContent("""{"title":"q3"}"""), anonymousXsrf, Admin));
        using var crossSiteRequest = ActionsHost.ActionPost("AdminReport", DoorCase.JsonContent("""{"title":"q3"}"""), xsrf, Admin);
        crossSiteRequest.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var crossSite = await host.Client.SendAsync(crossSiteRequest);
        using var invalid = await host.Client.SendAsync(ActionsHost.RestSend(HttpMethod.Post, "/api/v1/reports", DoorCase.JsonContent("""{"title":""}"""), Admin));

        foreignToken.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await foreignToken.ReadProblemAsync()).Code.Should().Be(ProblemCodes.AntiforgeryFailed);
        crossSite.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var crossSiteProblem = await crossSite.ReadProblemAsync();
        crossSiteProblem.Code.Should().Be(ProblemCodes.CrossSiteRequest);
        crossSiteProblem.Detail.Should().Be("Actions only accept requests from the app's own pages.");
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await invalid.ReadProblemAsync()).Code.Should().Be(ProblemCodes.ValidationFailed);
        host.Calls().Of(nameof(AdminReport)).Should().Be(0);
    }

    [Fact]
    public async Task An_operations_AllowAnonymous_wins_over_a_door_wide_RequireAuthorization()
    {
        await using var host = await StartAsync(
            explicitMiddleware: false,
            app =>
            {
                app.MapHybridActions().RequireAuthorization();
                app.MapHybridRest().RequireAuthorization();
            },
            o =>
            {
                o.Expose<PublicNotice>(op => op.AsAction().Post("notices"));
                o.Expose<Bystander>(op => op.AsAction().Get("bystanders/{id}"));
            });
        var xsrf = await ActionsHost.GetXsrfAsync(host.Client);

        using var noticeAction = await host.Client.SendAsync(ActionsHost.ActionPost("PublicNotice", DoorCase.JsonContent("""{"text":"hi"}"""), xsrf));
        using var noticeRest = await host.Client.SendAsync(ActionsHost.RestSend(HttpMethod.Post, "/api/v1/notices", DoorCase.JsonContent("""{"text":"yo"}""")));
        using var bystanderAction = await host.Client.SendAsync(ActionsHost.ActionPost("Bystander", DoorCase.JsonContent("""{"id":1}"""), xsrf));
        using var bystanderRest = await host.Client.SendAsync(ActionsHost.RestSend(HttpMethod.Get, "/api/v1/bystanders/1"));
        using var signedIn = await host.Client.SendAsync(ActionsHost.RestSend(HttpMethod.Get, "/api/v1/bystanders/2", user: Editor));

        noticeAction.StatusCode.Should().Be(HttpStatusCode.OK);
        (await noticeAction.Content.ReadFromJsonAsync<string>()).Should().Be("notice hi");
        noticeRest.StatusCode.Should().Be(HttpStatusCode.Created);
        (await noticeRest.Content.ReadFromJsonAsync<string>()).Should().Be("notice yo");
        foreach (var refused in new[] { bystanderAction, bystanderRest })
        {
            refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await refused.ReadProblemAsync()).Code.Should().Be(ProblemCodes.Unauthorized);
        }

        signedIn.StatusCode.Should().Be(HttpStatusCode.OK);
        (await signedIn.Content.ReadFromJsonAsync<string>()).Should().Be("bystander 2");
        host.Calls().Of(nameof(PublicNotice)).Should().Be(2);
        host.Calls().Of(nameof(Bystander)).Should().Be(1);
    }

    [Fact]
    public async Task Authorize_in_code_on_one_door_guards_only_that_door()
    {
        await using var host = await StartAsync(
            explicitMiddleware: false,
            configure: o => o.Expose<Bystander>(op =>
            {
                op.AsAction().Get("bystanders/{id}");
                op.Rest().RequireAuthorization(p => p.RequireRole("admin"));
            }));
        var xsrf = await ActionsHost.GetXsrfAsync(host.Client);

        using var action = await host.Client.SendAsync(ActionsHost.ActionPost("Bystander", DoorCase.JsonContent("""{"id":3}"""), xsrf));
        using var rest = await host.Client.SendAsync(ActionsHost.RestSend(HttpMethod.Get, "/api/v1/bystanders/3", user: Editor));
        using var admin = await host.Client.SendAsync(ActionsHost.RestSend(HttpMethod.Get, "/api/v1/bystanders/4", user: Admin));

        action.StatusCode.Should().Be(HttpStatusCode.OK);
        rest.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await rest.ReadProblemAsync()).Code.Should().Be(ProblemCodes.Forbidden);
        admin.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Calls().Of(nameof(Bystander)).Should().Be(2);
    }

    [Fact]
    public async Task Actions_document_is_open_and_adds_401_and_403_only_to_a_guarded_action()
    {
        await using var host = await StartAsync(
            explicitMiddleware: false,
            configure: o =>
            {
                o.Expose<AdminReport>(op => op.AsAction().Post("reports"));
                o.Expose<PublicNotice>(op => op.AsAction());
            });

        using var actionsResponse = await host.Client.GetAsync(new Uri("/openapi/actions.json", UriKind.Relative));
        using var v1Response = await host.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        actionsResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        v1Response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await actionsResponse.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        var guarded = paths.GetProperty("/_actions/AdminReport").GetProperty("post").GetProperty("responses");
        var open = paths.GetProperty("/_actions/PublicNotice").GetProperty("post").GetProperty("responses");

        ProblemStatuses(guarded).Should().Equal("400", "401", "403", "408", "413", "415", "500", "503");
        ProblemStatuses(open).Should().Equal("400", "403", "408", "413", "415", "500", "503");
        ActionsDocumentTests.Codes(document, guarded, "401").Should().Equal(ProblemCodes.Unauthorized);
        ActionsDocumentTests.Codes(document, guarded, "403").Should().Equal(ProblemCodes.CrossSiteRequest, ProblemCodes.Forbidden);
        ActionsDocumentTests.Codes(document, open, "403").Should().Equal(ProblemCodes.CrossSiteRequest);
    }

    private static List<string> ProblemStatuses(JsonElement responses) =>
        [.. responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5').Select(r => r.Name)];
}
