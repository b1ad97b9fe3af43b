namespace Hybrid.Clients.Tests.TypeScript;

/// <summary>
/// Hand-written documents with stream operations as Hybrid describes them (x-hybrid-stream, an array of
/// items under text/event-stream and application/jsonl, a 204), next to an ordinary operation: an action, a
/// REST GET whose arguments are a path, a query and a header parameter, and a REST POST with a body.
/// </summary>
internal static class StreamDocuments
{
    private const string Extension = """
        "x-hybrid-stream": {
          "item": { "$ref": "#/components/schemas/Tick" }, "resume": "log", "heartbeatSeconds": 15, "clientTimeoutSeconds": 45,
          "events": {
            "done": { "type": "object", "properties": { "value": {} } },
            "error": { "$ref": "#/components/schemas/ProblemDetails" },
            "reset": { "$ref": "#/components/schemas/ProblemDetails" },
            "auth_expired": { "$ref": "#/components/schemas/ProblemDetails" },
            "reconnect": { "type": "object", "properties": { "reason": { "type": "string", "enum": ["max_duration", "shutdown"] } } }
          }
        }
        """;

    private const string Items = """
        "200": { "description": "OK", "content": {
          "text/event-stream": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Tick" } } },
          "application/jsonl": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Tick" } } } } },
        "204": { "description": "No Content: a reconnect past the end" },
        "400": { "description": "Bad Request", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/ValidationFailedProblem" } } } }
        """;

    private const string Schemas = """
        "components": { "schemas": {
          "CountTo": { "type": "object", "required": ["count"], "properties": { "count": { "type": "integer", "format": "int32" }, "failAt": { "type": "integer", "format": "int32", "nullable": true } }, "additionalProperties": false },
          "Tick": { "type": "object", "required": ["n", "text"], "properties": { "n": { "type": "integer", "format": "int32" }, "text": { "type": "string" } }, "additionalProperties": false },
          "Ping": { "type": "object", "properties": {}, "additionalProperties": false },
          "Pong": { "type": "object", "required": ["at"], "properties": { "at": { "type": "string" } }, "additionalProperties": false },
          "ProblemDetails": { "type": "object", "required": ["code"], "properties": { "title": { "type": "string" }, "status": { "type": "integer" }, "code": { "type": "string" }, "traceId": { "type": "string" } } },
          "ValidationFailedProblem": { "type": "object", "required": ["code"], "properties": { "title": { "type": "string" }, "code": { "type": "string", "enum": ["validation_failed"] } } }
        } }
        """;

    public static readonly string Actions = $$"""
        {
          "openapi": "3.0.0",
          "info": { "title": "Fixture — actions", "version": "actions" },
          "paths": {
            "/_actions/Count": { "post": {
              "operationId": "Count",
              "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CountTo" } } } },
              "responses": { {{Items}} },
              {{Extension}}
            } },
            "/_actions/Ping": { "post": {
              "operationId": "Ping",
              "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Ping" } } } },
              "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pong" } } } } }
            } }
          },
          {{Schemas}}
        }
        """;

    public static readonly string V1 = $$"""
        {
          "openapi": "3.0.0",
          "info": { "title": "Fixture", "version": "v1" },
          "paths": {
            "/api/v1/posts/{postId}/ticks": {
              "get": {
                "operationId": "FollowTicks",
                "summary": "Follows a post's ticks.",
                "parameters": [
                  { "name": "postId", "in": "path", "required": true, "schema": { "type": "integer", "format": "int32" } },
                  { "name": "count", "in": "query", "required": true, "schema": { "type": "integer", "format": "int32" } },
                  { "name": "tag", "in": "query", "style": "form", "explode": true, "schema": { "type": "array", "items": { "type": "string" } } },
                  { "name": "X-Trace", "in": "header", "schema": { "type": "string" } }
                ],
                "responses": { {{Items}} },
                {{Extension}}
              },
              "post": {
                "operationId": "PostTicks",
                "parameters": [ { "name": "postId", "in": "path", "required": true, "schema": { "type": "integer", "format": "int32" } } ],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CountTo" } } } },
                "responses": { {{Items}} },
                {{Extension}}
              }
            },
            "/api/v1/ping": { "get": {
              "operationId": "Ping",
              "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pong" } } } } }
            } }
          },
          {{Schemas}}
        }
        """;
}
