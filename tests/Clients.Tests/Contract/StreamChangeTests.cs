using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Hybrid.Testing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Clients.Tests.Contract;

/// <summary>
/// A stream operation's item is gated as a response body (docs/contract.md): what a client reads from each
/// event must stay; turning an operation into a stream, or back, breaks; and so does a heartbeat the
/// baseline's clients would take for a dead connection.
/// </summary>
public sealed class StreamChangeTests
{
    private const string Live = "GET /api/v1/posts/{postId}/comments/live (FollowComments): ";

    private const string Stream = """
        {
          "get": {
            "operationId": "FollowComments",
            "parameters": [ { "name": "postId", "in": "path", "required": true, "schema": { "type": "integer", "format": "int32" } } ],
            "responses": {
              "200": {
                "description": "OK",
                "content": {
                  "text/event-stream": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/LiveComment" } } },
                  "application/jsonl": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/LiveComment" } } }
                }
              },
              "204": { "description": "No Content" },
              "406": { "description": "Not Acceptable", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/ProblemDetails" } } } }
            },
            "x-hybrid-stream": {
              "item": { "$ref": "#/components/schemas/LiveComment" },
              "resume": "log",
              "heartbeatSeconds": 15,
              "clientTimeoutSeconds": 45,
              "events": {
                "done": { "type": "object", "properties": { "value": {} } },
                "error": { "$ref": "#/components/schemas/ProblemDetails" },
                "reset": { "$ref": "#/components/schemas/ProblemDetails" },
                "auth_expired": { "$ref": "#/components/schemas/ProblemDetails" },
                "reconnect": { "type": "object", "properties": { "reason": { "type": "string", "enum": [ "max_duration", "shutdown" ] } } }
              }
            }
          }
        }
        """;

    private static readonly string Baseline = MiniApi.Changed(MiniApi.Json, d =>
    {
        d["paths"]!["/api/v1/posts/{postId}/comments/live"] = MiniApi.Node(Stream);
        d["components"]!["schemas"]!["LiveComment"] = MiniApi.Node("""
            { "type": "object", "additionalProperties": false, "required": [ "id", "body" ], "properties": { "id": { "type": "integer", "format": "int32" }, "body": { "type": "string" } } }
            """);
    });

    [Fact]
    public void An_unchanged_stream_has_no_break() =>
        BreaksAfter(_ => { }).Should().BeEmpty();

    [Fact]
    public void A_member_removed_from_the_item_breaks_once_for_every_format() =>
        BreaksAfter(d => d.Schema("LiveComment")["properties"]!.AsObject().Remove("body"))
            .Should().Equal(Live + "stream item property 'body' was removed.");

    [Fact]
    public void A_member_of_the_item_that_became_optional_breaks() =>
        BreaksAfter(d => d.Schema("LiveComment")["required"] = MiniApi.Node("""[ "id" ]"""))
            .Should().Equal(Live + "stream item property 'body' became optional.");

    [Fact]
    public void An_item_of_another_type_breaks() =>
        BreaksAfter(d => d.Live()["x-hybrid-stream"]!["item"] = MiniApi.Node("""{ "type": "string" }"""))
            .Should().Equal(Live + "stream item type changed from object to string.");

    [Fact]
    public void A_member_added_to_the_item_passes() =>
        BreaksAfter(d => d.Schema("LiveComment")["properties"]!["author"] = MiniApi.Node("""{ "type": "string", "nullable": true }"""))
            .Should().BeEmpty();

    [Fact]
    public void A_format_no_longer_streamed_breaks() =>
        BreaksAfter(d => d.Live()["responses"]!["200"]!["content"]!.AsObject().Remove("application/jsonl"))
            .Should().Equal(Live + "response 200 no longer returns application/jsonl.");

    [Fact]
    public void A_stream_that_became_a_single_answer_breaks_once() =>
        BreaksAfter(d =>
            {
                var live = d.Live();
                live.Remove("x-hybrid-stream");
                var responses = live["responses"]!.AsObject();
                responses.Remove("204");
                responses["200"] = MiniApi.Node("""{ "description": "OK", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/LiveComment" } } } } }""");
            })
            .Should().Equal(Live + "changed from a stream to a single answer.");

    [Fact]
    public void A_single_answer_that_became_a_stream_breaks_and_its_errors_are_still_compared() =>
        BreaksAfter(d =>
            {
                var get = d.Operation("/api/v1/posts/{postId}", "get");
                var stream = MiniApi.Node(Stream)["get"]!.AsObject();
                get["x-hybrid-stream"] = stream["x-hybrid-stream"]!.DeepClone();
                get["responses"] = stream["responses"]!.DeepClone();
            })
            .Should().Equal(
                "GET /api/v1/posts/{postId} (GetPost): changed from a single answer to a stream.",
                "GET /api/v1/posts/{postId} (GetPost): response 404 was removed.");

    [Fact]
    public void A_heartbeat_no_shorter_than_the_baseline_clients_timeout_breaks() =>
        BreaksAfter(d => d.Live()["x-hybrid-stream"]!["heartbeatSeconds"] = 45)
            .Should().Equal(Live + "the stream's heartbeat (45 s) is no longer shorter than the 45 s clients built from the baseline wait before they reconnect.");

    [Fact]
    public void Resume_mode_heartbeat_and_timeout_changes_the_baseline_clients_live_with_pass() =>
        BreaksAfter(d =>
            {
                var stream = d.Live()["x-hybrid-stream"]!;
                stream["resume"] = "replay";
                stream["heartbeatSeconds"] = 30;
                stream["clientTimeoutSeconds"] = 90;
            })
            .Should().BeEmpty();

    [Fact]
    public async Task Hybrid_s_own_stream_document_is_gated_by_its_item()
    {
        await using var host = await TestHost.StartAsync(
            [new ScannedTypes(typeof(FollowTicks), typeof(FollowTicksHandler))],
            o => o.Expose<FollowTicks>(op => op.Get("ticks")),
            map: app => app.MapHybridRest());
        var document = await host.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        MiniApi.Compare(document, document).Should().BeEmpty();
        MiniApi.Compare(document, MiniApi.Changed(document, d => d.Schema("StreamTick")["properties"]!.AsObject().Remove("text"))).Select(b => b.Message)
            .Should().Equal("GET /api/v1/ticks (FollowTicks): stream item property 'text' was removed.");
    }

    private static IReadOnlyList<string> BreaksAfter(Action<JsonObject> change) =>
        [.. MiniApi.Compare(Baseline, MiniApi.Changed(Baseline, change)).Select(b => b.Message)];
}

/// <summary>The stream operation of <see cref="StreamChangeTests"/>, exposed in code there.</summary>
public sealed record FollowTicks : IStreamRequest<StreamTick>;

public sealed record StreamTick(int N, string Text);

public sealed class FollowTicksHandler : IStreamRequestHandler<FollowTicks, StreamTick>
{
    public async IAsyncEnumerable<StreamTick> Handle(FollowTicks request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        yield return new StreamTick(1, "one");
    }
}

internal static class StreamDocuments
{
    /// <summary>The stream operation of the baseline.</summary>
    public static JsonObject Live(this JsonObject document) => document.Operation("/api/v1/posts/{postId}/comments/live", "get");
}
