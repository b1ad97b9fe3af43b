using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;

namespace Hybrid.Contract.Tests;

/// <summary>Who may read each door's documents, whatever policy is on the doors themselves.</summary>
public sealed class DocumentAccessTests
{
    private const string Actions = "/openapi/actions.json";
    private const string V1 = "/openapi/v1.json";

    [Theory]
    [InlineData(null, null)]
    [InlineData(null, "ada:staff")]
    public async Task Outside_Development_the_actions_document_is_404_to_a_caller_without_the_action_doors_credential(string? cookieUser, string? bearer)
    {
        await using var host = await AuthHost.StartAsync();

        using var response = await host.GetAsync(Actions, cookieUser, bearer: bearer);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task In_Development_anyone_reads_the_actions_document()
    {
        await using var host = await AuthHost.StartAsync(environment: "Development");

        using var response = await host.GetAsync(Actions);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.Private.Should().BeFalse();
    }

    [Fact]
    public async Task With_no_policy_on_the_door_a_user_signed_in_through_the_action_door_reads_it_privately()
    {
        await using var host = await AuthHost.StartAsync();

        using var response = await host.GetAsync(Actions, cookieUser: "grace");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.Private.Should().BeTrue("no shared cache may hand it to another caller");
        (await response.Content.ReadAsStringAsync()).Should().Contain("/_actions/RemoveNote");
    }

    [Theory]
    [InlineData("staff", HttpStatusCode.OK)]
    [InlineData("reader", HttpStatusCode.NotFound)]
    [InlineData(null, HttpStatusCode.NotFound)]
    public async Task The_policy_the_app_put_on_the_action_door_decides_who_reads_the_document(string? role, HttpStatusCode expected)
    {
        await using var host = await AuthHost.StartAsync(actions: door => door.RequireAuthorization(p => p.RequireRole("staff")));

        using var response = await host.GetAsync(Actions, cookieUser: role is null ? null : "ada", cookieRole: role);

        response.StatusCode.Should().Be(expected);
    }

    [Fact]
    public async Task PublicDocument_opens_it_to_anyone()
    {
        await using var host = await AuthHost.StartAsync(configure: o => o.Actions().PublicDocument = true);

        using var response = await host.GetAsync(Actions);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AllowAnonymous_on_the_action_doors_Documents_opens_it_and_leaves_the_actions_protected()
    {
        await using var host = await AuthHost.StartAsync(actions: door => door.RequireAuthorization().Documents.AllowAnonymous());

        using var document = await host.GetAsync(Actions);
        using var action = await host.Client.PostAsync(new Uri("/_actions/FailAs", UriKind.Relative), DoorCase.JsonContent("{}"));

        document.StatusCode.Should().Be(HttpStatusCode.OK);
        action.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_policy_on_the_REST_door_protects_its_routes_but_never_its_public_document()
    {
        await using var host = await AuthHost.StartAsync(rest: door => door.RequireAuthorization(p => p.RequireRole("moderator")));

        using var document = await host.GetAsync(V1);
        using var route = await host.GetAsync("/api/v1/records/1");

        document.StatusCode.Should().Be(HttpStatusCode.OK);
        route.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(null, null, HttpStatusCode.Unauthorized)]
    [InlineData("grace", null, HttpStatusCode.Unauthorized)]
    [InlineData(null, "partner:", HttpStatusCode.OK)]
    public async Task Documents_RequireAuthorization_protects_the_REST_documents_with_the_REST_doors_schemes(string? cookieUser, string? bearer, HttpStatusCode expected)
    {
        await using var host = await AuthHost.StartAsync(rest: door => door.Documents.RequireAuthorization());

        using var document = await host.GetAsync(V1, cookieUser, bearer: bearer);
        using var route = await host.GetAsync("/api/v1/notes/1");

        document.StatusCode.Should().Be(expected);
        route.StatusCode.Should().Be(HttpStatusCode.OK, "the documents' policy does not reach the routes");
    }
}
