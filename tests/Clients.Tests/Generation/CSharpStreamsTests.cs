using System.Text.Json.Nodes;

namespace Hybrid.Clients.Tests.Generation;

/// <summary>What a stream operation becomes in the copy of a document the C# client is generated from.</summary>
public sealed class CSharpStreamsTests
{
    [Fact]
    public void A_stream_answers_its_item_as_JSON_for_NSwag_and_keeps_only_the_timeout_and_the_problem_type()
    {
        var document = Prepare("""
            { "paths": { "/feed": { "get": {
                "parameters": [ { "name": "If-None-Match", "in": "header" }, { "name": "after", "in": "query" } ],
                "responses": {
                  "200": { "description": "OK", "headers": { "ETag": {} }, "content": {
                    "text/event-stream": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Tick" } } },
                    "application/jsonl": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Tick" } } } } },
                  "204": { "description": "No Content" }, "304": { "description": "Not Modified" } },
                "x-hybrid-stream": { "item": { "$ref": "#/components/schemas/Tick" }, "resume": "log", "heartbeatSeconds": 15, "clientTimeoutSeconds": 40,
                  "events": { "error": { "$ref": "#/components/schemas/app_problem" }, "reset": { "$ref": "#/components/schemas/app_problem" } } } } },
              "/plain": { "get": { "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "type": "array", "items": { "type": "string" } } } } } } } } } }
            """);
        var stream = document["paths"]!["/feed"]!["get"]!;

        stream["responses"]!["200"]!.ToJsonString().Should().Be("""{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Tick"}}}}""");
        stream["responses"]!.AsObject().Select(r => r.Key).Should().Equal("200", "204");
        stream["parameters"]!.AsArray().Select(p => (string?)p!["name"]).Should().Equal("after");
        stream["x-hybrid-stream"]!.ToJsonString().Should().Be("""{"clientTimeoutSeconds":40,"problem":"AppProblem"}""");
        document["paths"]!["/plain"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["type"]!.GetValue<string>().Should().Be("array");
    }

    [Fact]
    public void A_stream_that_names_no_timeout_or_problem_takes_the_defaults()
    {
        var document = Prepare("""
            { "paths": { "/feed": { "post": { "responses": { "200": { "description": "OK" } },
                "x-hybrid-stream": { "item": { "type": "string" } } } } } }
            """);

        document["paths"]!["/feed"]!["post"]!["x-hybrid-stream"]!.ToJsonString().Should().Be("""{"clientTimeoutSeconds":45,"problem":"ProblemDetails"}""");
        document["paths"]!["/feed"]!["post"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!.ToJsonString().Should().Be("""{"type":"string"}""");
    }

    private static JsonObject Prepare(string json) => CSharpDocument.Prepare(JsonNode.Parse(json)!.AsObject());
}
