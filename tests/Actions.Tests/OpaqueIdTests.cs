using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;
using Hybrid.Actions.TagHelpers;
using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Hybrid.Actions.Tests;

public sealed class OpaqueIdTests
{
    // The bytes 1..32: a fixed key, so the derivation itself is pinned below.
    private const string Key = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

    // base64url(HMAC-SHA256(Key, "hybrid-action-id:CreateNote"))[..22], computed outside .NET. Open
    // pages post to this URL across deployments, so the derivation must never change.
    private const string CreateNoteId = "d7trCaVi_HUwt53QE-SEpF";

    private const string ValidNote = """{"title":"Buy milk","priority":3}""";

    private static readonly string OtherKey = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public async Task The_opaque_path_runs_the_action_and_the_readable_path_is_unknown()
    {
        await using var host = await StartAsync(Key);

        using var opaque = await host.Client.SendAsync(ActionsHost.JsonPost(CreateNoteId, ValidNote, xsrf: null));
        opaque.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Store().Notes.Should().ContainSingle().Which.Title.Should().Be("Buy milk");

        using var readable = await host.Client.SendAsync(ActionsHost.JsonPost("CreateNote", ValidNote, xsrf: null));
        readable.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await readable.ReadProblemAsync()).Code.Should().Be(ProblemCodes.UnknownAction);
        host.Store().HandlerCalls.Should().Be(1);
    }

    [Fact]
    public async Task Another_verb_is_405_on_the_opaque_id_and_404_on_the_readable_one_so_it_does_not_reveal_the_action()
    {
        await using var host = await StartAsync(Key);

        using var opaque = await host.Client.GetAsync("/_actions/" + CreateNoteId);
        using var readable = await host.Client.GetAsync("/_actions/CreateNote");

        opaque.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        readable.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await readable.ReadProblemAsync()).Code.Should().Be(ProblemCodes.UnknownAction);
    }

    [Fact]
    public async Task Ids_are_the_same_on_two_hosts_sharing_the_key_and_differ_with_another_key()
    {
        await using var first = await StartAsync(Key);
        await using var second = await StartAsync(Key);
        await using var other = await StartAsync(OtherKey);

        var paths = await PathsAsync(first);
        paths.Should().HaveCount(3).And.Contain("/_actions/" + CreateNoteId);
        (await PathsAsync(second)).Should().Equal(paths);
        (await PathsAsync(other)).Should().HaveCount(3).And.NotIntersectWith(paths);

        using var stale = await other.Client.SendAsync(ActionsHost.JsonPost(CreateNoteId, ValidNote, xsrf: null));
        stale.StatusCode.Should().Be(HttpStatusCode.NotFound);
        other.Store().HandlerCalls.Should().Be(0);
    }

    [Fact]
    public async Task The_document_posts_to_opaque_paths_under_readable_operation_ids()
    {
        await using var host = await StartAsync(Key);
        using var document = await DocumentAsync(host);

        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .ToDictionary(p => p.Value.GetProperty("post").GetProperty("operationId").GetString()!, p => p.Name);

        operations.Keys.Should().BeEquivalentTo("ClearNotes", "CreateNote", "custom-id");
        operations["CreateNote"].Should().Be("/_actions/" + CreateNoteId);
        foreach (var (id, path) in operations)
        {
            path.Should().MatchRegex("^/_actions/[A-Za-z0-9_-]{22}$").And.NotContain(id);
        }

        // Each documented path is the one that runs its action.
        using var cleared = await host.Client.SendAsync(ActionsHost.JsonPost(operations["ClearNotes"]["/_actions/".Length..], "{}", xsrf: null));
        cleared.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Theory]
    [InlineData("NoSuchAction")]
    [InlineData("CreateNote")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    public async Task An_unknown_id_is_a_404_problem_without_reading_the_body(string id)
    {
        var reads = new ReadCounter();
        await using var host = await StartAsync(Key, reads);

        using var unknown = await host.Client.SendAsync(ActionsHost.JsonPost(id, "{not json", xsrf: null));

        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var problem = await unknown.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.UnknownAction);
        problem.Status.Should().Be(404);
        reads.Count.Should().Be(0);
        host.Store().HandlerCalls.Should().Be(0);

        // The counter sees reads: the known id reads the same body and refuses it as JSON.
        using var known = await host.Client.SendAsync(ActionsHost.JsonPost(CreateNoteId, "{not json", xsrf: null));
        (await known.ReadProblemAsync()).Code.Should().Be(ProblemCodes.InvalidJson);
        reads.Count.Should().BePositive();
    }

    [Fact]
    public async Task Readable_ids_stay_the_default_even_with_a_key()
    {
        await using var host = await ActionsHost.StartAsync(o => o.Actions().IdKey = Key);

        (await PathsAsync(host)).Should().Contain("/_actions/CreateNote");
        using var response = await host.Client.SendAsync(ActionsHost.JsonPost("CreateNote", ValidNote, xsrf: null));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(true, "")]
    [InlineData(true, "AAECAwQFBgcICQoLDA0ODw==")]
    [InlineData(true, "not base64 at all")]
    [InlineData(false, "AAECAwQFBgcICQoLDA0ODw==")]
    public async Task A_missing_short_or_malformed_key_stops_the_app(bool opaque, string? key)
    {
        var start = () => ActionsHost.StartAsync(o =>
        {
            o.Actions().OpaqueIds = opaque;
            o.Actions().IdKey = key;
        });

        var error = (await start.Should().ThrowAsync<HybridConfigurationException>()).Which.Errors.Should().ContainSingle().Subject;
        error.Id.Should().Be(key is null ? "HYB069" : "HYB070");
        error.Message.Should().Contain("options.Actions().");
    }

    [Fact]
    public async Task The_form_tag_helper_posts_to_the_opaque_path_and_keeps_the_readable_id()
    {
        await using var host = await StartAsync(Key);
        var helper = new HybridFormTagHelper
        {
            Action = "CreateNote",
            ViewContext = new ViewContext { HttpContext = new DefaultHttpContext { RequestServices = host.Services } },
        };
        var context = new TagHelperContext([], new Dictionary<object, object>(), "form");
        var output = new TagHelperOutput("form", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));

        helper.Init(context);
        helper.Process(context, output);

        output.Attributes["action"].Value.Should().Be("/_actions/" + CreateNoteId);
        output.Attributes["data-hybrid-action"].Value.Should().Be("CreateNote");
    }

    private static Task<TestHost> StartAsync(string key, ReadCounter? reads = null) =>
        ActionsHost.StartAsync(
            o =>
            {
                o.Actions().OpaqueIds = true;
                o.Actions().IdKey = key;
            },
            map: reads is null ? null : app =>
            {
                app.Use((context, next) =>
                {
                    context.Request.Body = new ReadCountingStream(context.Request.Body, reads);
                    return next(context);
                });
                app.MapHybridActions();
            });

    private static async Task<List<string>> PathsAsync(TestHost host)
    {
        using var document = await DocumentAsync(host);
        return [.. document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
    }

    private static async Task<JsonDocument> DocumentAsync(TestHost host)
    {
        using var response = await host.Client.GetAsync("/openapi/actions.json");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
    }
}
