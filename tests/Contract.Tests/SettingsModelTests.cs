using System.Net;
using System.Text.Json.Nodes;
using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Contract.Tests;

/// <summary>
/// One settings model: each per-operation setting, declared by attribute, by <c>Expose</c>, per door
/// in <c>Expose</c>, by the door's conventions or by <c>ForOperation</c>, gives endpoints with equal
/// settings, equal documents, equal inventory rows and the same behaviour.
/// </summary>
public sealed class SettingsModelTests
{
    public static TheoryData<Declared> CodeWays => [Declared.Expose, Declared.ExposePerDoor, Declared.DoorConventions, Declared.ForOperation];

    public static TheoryData<Declared> AllWays => [Declared.Attributes, Declared.Expose, Declared.ExposePerDoor, Declared.DoorConventions, Declared.ForOperation];

    [Theory]
    [MemberData(nameof(CodeWays))]
    public async Task Code_declarations_give_the_settings_documents_and_inventory_attributes_give(Declared way)
    {
        await using var attributes = await SettingsHost.StartAsync(Declared.Attributes);
        await using var code = await SettingsHost.StartAsync(way);

        Settings(code).Should().Equal(Settings(attributes));
        foreach (var document in new[] { "/openapi/v1.json", "/openapi/actions.json" })
        {
            // Components are ordered by name, and the attributed twin's names sort elsewhere: compare the JSON, not its order.
            var expected = JsonNode.Parse(SettingsHost.Normalized(await Text(attributes, document)));
            var actual = JsonNode.Parse(await Text(code, document));
            JsonNode.DeepEquals(actual, expected).Should().BeTrue($"{document} declared by {way} should equal the attributes' one:\n{actual}\n---\n{expected}");
        }

        HybridExposure.Describe(code.App).Should().Be(SettingsHost.Normalized(HybridExposure.Describe(attributes.App)));
    }

    [Fact]
    public async Task The_settings_say_what_each_door_can_act_on()
    {
        await using var host = await SettingsHost.StartAsync(Declared.ForOperation);

        var settings = Settings(host);

        settings.Should().HaveCount(3);
        var action = settings.Single(s => s.StartsWith("action", StringComparison.Ordinal));
        var post = settings.Single(s => s.StartsWith("rest POST", StringComparison.Ordinal));
        var get = settings.Single(s => s.StartsWith("rest GET", StringComparison.Ordinal));
        action.Should().Contain("antiforgery: required").And.Contain("read cache: no").And.Contain("idempotent: no").And.Contain("revalidates: tally:{name}");
        post.Should().Contain("antiforgery: off").And.Contain("idempotent: required=False").And.Contain("revalidates: tally:{name}").And.Contain("body: 2048");
        get.Should().Contain("read cache: 60s tally:{name}").And.Contain("revalidates:  |").And.Contain("idempotent: no");
        foreach (var endpoint in settings)
        {
            endpoint.Should().Contain("required=True").And.Contain("requirement: Hybrid.Contract.Tests.TallyGate").And.Contain("rate limit: tallies").And.Contain("timeout: 5s").And.Contain("problems: 409:tally_closed");
        }
    }

    [Fact]
    public async Task An_authorization_requirement_that_is_not_Authorize_is_in_the_documents()
    {
        await using var host = await SettingsHost.StartAsync(Declared.ForOperation);

        var rest = await Text(host, "/openapi/v1.json");
        var actions = await Text(host, "/openapi/actions.json");

        foreach (var document in new[] { rest, actions })
        {
            document.Should().Contain("\"401\"").And.Contain("\"403\"").And.Contain("\"429\"").And.Contain("\"504\"").And.Contain("tally_closed");
        }

        actions.Should().NotContain("x-hybrid-anonymous");
    }

    [Theory]
    [MemberData(nameof(AllWays))]
    public async Task Every_way_of_declaring_behaves_the_same(Declared way)
    {
        await using var host = await SettingsHost.StartAsync(way);
        var store = host.Services.GetRequiredService<TallyStore>();

        // Read cache: the second GET is served from the output cache.
        (await host.Client.GetAsync("/api/v1/tallies/a")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.Client.GetAsync("/api/v1/tallies/a")).StatusCode.Should().Be(HttpStatusCode.OK);
        store.Runs.Should().Be(1, "the read is cached");

        // Revalidation: a write names what it made stale and evicts the cached read.
        using (var write = await host.Client.SendAsync(SettingsHost.Post("/api/v1/tallies/a", """{"count":2}""")))
        {
            write.StatusCode.Should().Be(HttpStatusCode.Created);
            write.Headers.GetValues("Hybrid-Revalidated").Single().Should().Contain("\"tally:a\"");
        }

        (await host.Client.GetAsync("/api/v1/tallies/a")).StatusCode.Should().Be(HttpStatusCode.OK);
        store.Runs.Should().Be(3, "the write evicted the cached read");

        // Idempotent retries: the same key replays the first answer.
        using (await host.Client.SendAsync(SettingsHost.Post("/api/v1/tallies/b", """{"count":1}""", "key-1")))
        using (var retry = await host.Client.SendAsync(SettingsHost.Post("/api/v1/tallies/b", """{"count":1}""", "key-1")))
        {
            retry.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        }

        store.Totals["b"].Should().Be(1);

        // Body limit: 413 before the handler.
        using (var large = await host.Client.SendAsync(SettingsHost.Post("/api/v1/tallies/c", $$"""{"count":1,"name":"{{new string('x', 3000)}}"}""")))
        {
            large.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        }

        // The authorization requirement refuses, on both doors, before the handler.
        var runs = store.Runs;
        using (var closed = SettingsHost.Post("/api/v1/tallies/d", """{"count":1}"""))
        {
            closed.Headers.Add("X-Tally-Closed", "yes");
            ((int)(await host.Client.SendAsync(closed)).StatusCode).Should().BeOneOf(401, 403);
        }

        // Antiforgery tokens on the action door only.
        using (var action = await host.Client.SendAsync(SettingsHost.Post("/_actions/Tally", """{"name":"e","count":1}""")))
        {
            action.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await action.ReadProblemAsync()).Code.Should().Be(ProblemCodes.AntiforgeryFailed);
        }

        store.Runs.Should().Be(runs, "refused requests never reach the handler");
    }

    [Fact]
    public async Task DisableAntiforgery_after_mapping_leaves_the_token_out_of_the_actions_document_too()
    {
        await using var host = await SettingsHost.StartAsync(
            o =>
            {
                o.Actions().RequireAntiforgeryTokens = true;
                o.Expose<PeekTally>(op => op.AsAction());
                o.Expose<Tally>(op => op.AsAction());
            },
            (actions, _) => actions.ForOperation<PeekTally>().DisableAntiforgery());

        using var peek = await host.Client.SendAsync(SettingsHost.Post("/_actions/PeekTally", """{"name":"a"}"""));
        using var tally = await host.Client.SendAsync(SettingsHost.Post("/_actions/Tally", """{"name":"a","count":1}"""));
        var document = JsonNode.Parse(await Text(host, "/openapi/actions.json"))!;

        peek.StatusCode.Should().Be(HttpStatusCode.OK);
        tally.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var peekOperation = document["paths"]!["/_actions/PeekTally"]!["post"]!.ToJsonString();
        var tallyOperation = document["paths"]!["/_actions/Tally"]!["post"]!.ToJsonString();
        peekOperation.Should().NotContain("xsrf").And.NotContain(ProblemCodes.AntiforgeryFailed);
        tallyOperation.Should().Contain("xsrf").And.Contain(ProblemCodes.AntiforgeryFailed);
    }

    private static List<string> Settings(TestHost host) =>
        [.. host.Services.GetRequiredService<EndpointSettingsStore>().Resolve(host.Endpoints)
            .Select(s => SettingsHost.Normalized(s.ToString()))
            .Order(StringComparer.Ordinal)];

    private static async Task<string> Text(TestHost host, string path)
    {
        using var response = await host.Client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, path);
        return await response.Content.ReadAsStringAsync();
    }
}
