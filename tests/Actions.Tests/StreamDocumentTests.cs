using System.Text.Json;
using Hybrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Actions.Tests;

/// <summary>
/// A stream operation in both doors' documents: a 200 whose content is an array of the item in each
/// format the door answers, a 204 for a resume past the end, <c>x-hybrid-stream</c>, and the refusals a
/// stream adds; an operation answered once is described as before.
/// </summary>
public sealed class StreamDocumentTests
{
    private const string Follow = "/api/v1/boards/{boardId}/notes/live";

    [Fact]
    public async Task The_action_door_describes_a_stream_as_an_event_stream_of_its_item()
    {
        await using var host = await StartAsync(withStreams: true);
        using var document = await GetAsync(host, "actions");

        var operation = document.RootElement.GetProperty("paths").GetProperty("/_actions/FollowBoardNotes").GetProperty("post");
        var ok = operation.GetProperty("responses").GetProperty("200");
        ok.GetProperty("content").EnumerateObject().Select(c => c.Name).Should().Equal("text/event-stream");
        Normalize(ok.GetProperty("content").GetProperty("text/event-stream").GetProperty("schema").GetRawText())
            .Should().Be(ArrayOf("""{ "$ref": "#/components/schemas/BoardNote" }"""));
        operation.GetProperty("responses").GetProperty("204").TryGetProperty("content", out _).Should().BeFalse();
        Extension(operation).Should().Be(Expected("""{ "$ref": "#/components/schemas/BoardNote" }""", "replay", heartbeat: 5, clientTimeout: 30));
        document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("BoardNote").GetProperty("required")
            .EnumerateArray().Select(e => e.GetString()).Should().Equal("id", "text");
        ProblemStatuses(operation).Should().Equal("400", "403", "406", "408", "413", "415", "429", "500", "503");
        ActionsDocumentTests.Codes(document, operation.GetProperty("responses"), "406").Should().Equal(ProblemCodes.NotAcceptable);
        ActionsDocumentTests.Codes(document, operation.GetProperty("responses"), "429").Should().Equal(ProblemCodes.TooManyStreams);
    }

    [Fact]
    public async Task The_REST_door_describes_a_stream_as_an_event_stream_and_JSON_Lines_of_its_item()
    {
        await using var host = await StartAsync(withStreams: true);
        using var document = await GetAsync(host, "v1");

        var operation = document.RootElement.GetProperty("paths").GetProperty(Follow).GetProperty("get");
        var responses = operation.GetProperty("responses");
        responses.EnumerateObject().Select(r => r.Name).Should().Equal("200", "204", "400", "406", "429", "500", "503");
        var content = responses.GetProperty("200").GetProperty("content");
        content.EnumerateObject().Select(c => c.Name).Should().Equal("text/event-stream", "application/jsonl");
        foreach (var media in content.EnumerateObject())
        {
            Normalize(media.Value.GetProperty("schema").GetRawText()).Should().Be(ArrayOf("""{ "$ref": "#/components/schemas/BoardNote" }"""), media.Name);
        }

        // A stream is never whole: no ETag, no If-None-Match, no 304.
        responses.GetProperty("200").TryGetProperty("headers", out _).Should().BeFalse();
        operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Should().Equal("boardId");
        Extension(operation).Should().Be(Expected("""{ "$ref": "#/components/schemas/BoardNote" }""", "replay", heartbeat: 5, clientTimeout: 30));
        ActionsDocumentTests.Codes(document, responses, "406").Should().Equal(ProblemCodes.NotAcceptable);
        responses.GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _).Should().BeTrue();
    }

    [Fact]
    public async Task A_stream_of_a_plain_value_takes_the_app_defaults()
    {
        await using var host = await StartAsync(withStreams: true, clientTimeout: null);
        using var document = await GetAsync(host, "v1");

        var operation = document.RootElement.GetProperty("paths").GetProperty("/api/v1/counts").GetProperty("post");
        Normalize(operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/jsonl").GetProperty("schema").GetRawText())
            .Should().Be(ArrayOf("""{ "type": "integer", "format": "int32" }"""));
        Extension(operation).Should().Be(Expected("""{ "type": "integer", "format": "int32" }""", "log", heartbeat: 15, clientTimeout: 45));
        document.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name)
            .Should().NotContain(n => n.Contains("Enumerable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_operation_answered_once_is_described_as_without_streams_beside_it()
    {
        string Board(JsonDocument d, string door) => door == "actions"
            ? d.RootElement.GetProperty("paths").GetProperty("/_actions/ShowBoard").GetRawText()
            : d.RootElement.GetProperty("paths").GetProperty("/api/v1/boards/{boardId}").GetRawText();

        foreach (var door in new[] { "actions", "v1" })
        {
            await using var alone = await StartAsync(withStreams: false);
            await using var beside = await StartAsync(withStreams: true);
            using var was = await GetAsync(alone, door);
            using var now = await GetAsync(beside, door);

            Board(now, door).Should().Be(Board(was, door), door);
            Board(now, door).Should().NotContain("x-hybrid-stream").And.NotContain("event-stream");
        }
    }

    private static Task<TestHost> StartAsync(bool withStreams, int? clientTimeout = 30) =>
        TestHost.StartAsync(
            [withStreams
                ? new ScannedTypes(typeof(ShowBoard), typeof(ShowBoardHandler), typeof(FollowBoardNotes), typeof(FollowBoardNotesHandler), typeof(CountBoardNotes), typeof(CountBoardNotesHandler))
                : new ScannedTypes(typeof(ShowBoard), typeof(ShowBoardHandler))],
            o =>
            {
                o.Actions().PublicDocument = true;
                if (clientTimeout is { } seconds)
                {
                    o.Streams.ClientTimeout = TimeSpan.FromSeconds(seconds);
                }

                o.Expose<ShowBoard>(op => op.AsAction().Get("boards/{boardId}"));
                if (withStreams)
                {
                    o.Expose<FollowBoardNotes>(op => op.AsAction().Get("boards/{boardId}/notes/live"));
                    o.Expose<CountBoardNotes>(op => op.AsAction().Post("counts"));
                }
            },
            s => s.AddAntiforgery(o => o.HeaderName = HybridAntiforgery.HeaderName),
            app =>
            {
                app.MapHybridActions();
                app.MapHybridRest();
            });

    private static async Task<JsonDocument> GetAsync(TestHost host, string name) =>
        JsonDocument.Parse(await host.Client.GetStringAsync(new Uri($"/openapi/{name}.json", UriKind.Relative)));

    private static List<string> ProblemStatuses(JsonElement operation) =>
        [.. operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).Where(s => s[0] is '4' or '5')];

    private static string Extension(JsonElement operation) => Normalize(operation.GetProperty("x-hybrid-stream").GetRawText());

    private static string ArrayOf(string item) => Normalize($$"""{ "type": "array", "items": {{item}} }""");

    private static string Expected(string item, string resume, int heartbeat, int clientTimeout) => Normalize($$"""
        {
          "item": {{item}},
          "resume": "{{resume}}",
          "heartbeatSeconds": {{heartbeat}},
          "clientTimeoutSeconds": {{clientTimeout}},
          "events": {
            "done": { "type": "object", "properties": { "value": {} } },
            "error": { "$ref": "#/components/schemas/ProblemDetails" },
            "reset": { "$ref": "#/components/schemas/ProblemDetails" },
            "auth_expired": { "$ref": "#/components/schemas/ProblemDetails" },
            "reconnect": { "type": "object", "properties": { "reason": { "type": "string", "enum": ["max_duration", "shutdown"] } } }
          }
        }
        """);

    // The same JSON, member order kept, white space dropped: what the document writes, compared exactly.
    private static string Normalize(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement);
    }
}
