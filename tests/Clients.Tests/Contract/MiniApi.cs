using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hybrid.Clients.Tests.Contract;

/// <summary>
/// A small hand-written public document in Hybrid's shapes (problem schemas by allOf, a nullable reference
/// wrapped in oneOf, a recursive schema, a dictionary, an enum shared by request and response), and the
/// way tests change it: parse, edit the nodes, compare with the untouched original.
/// </summary>
internal static class MiniApi
{
    public const string Json = """
    {
      "openapi": "3.0.0",
      "info": { "title": "Mini", "version": "v1" },
      "paths": {
        "/api/v1/posts": {
          "get": {
            "operationId": "ListPosts",
            "summary": "Lists the posts.",
            "parameters": [
              { "name": "page", "in": "query", "description": "The page.", "schema": { "type": "integer", "format": "int32" } },
              { "name": "sort", "in": "query", "schema": { "$ref": "#/components/schemas/Sort" } },
              { "name": "tag", "in": "query", "schema": { "type": "array", "items": { "type": "string" } } }
            ],
            "responses": {
              "200": { "description": "OK", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/PostSummary" } } } } },
              "400": { "description": "Bad Request", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/ListPosts400Problem" } } } }
            }
          },
          "post": {
            "operationId": "CreatePost",
            "requestBody": {
              "required": true,
              "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CreatePostBody" } } }
            },
            "responses": {
              "201": { "description": "Created", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Post" } } } }
            }
          }
        },
        "/api/v1/posts/{postId}": {
          "get": {
            "operationId": "GetPost",
            "parameters": [ { "name": "postId", "in": "path", "required": true, "schema": { "type": "integer", "format": "int32" } } ],
            "responses": {
              "200": { "description": "OK", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Post" } } } },
              "404": { "description": "Not Found", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/ProblemDetails" } } } }
            }
          },
          "delete": {
            "operationId": "DeletePost",
            "parameters": [ { "name": "postId", "in": "path", "required": true, "schema": { "type": "integer", "format": "int32" } } ],
            "responses": { "204": { "description": "No Content" } }
          }
        },
        "/api/v1/posts/{postId}/comments": {
          "post": {
            "operationId": "CreateComment",
            "parameters": [ { "name": "postId", "in": "path", "required": true, "schema": { "type": "integer", "format": "int32" } } ],
            "requestBody": {
              "content": {
                "application/json": { "schema": { "$ref": "#/components/schemas/CreateCommentBody" } },
                "multipart/form-data": { "schema": { "$ref": "#/components/schemas/CreateCommentBody" } }
              }
            },
            "responses": {
              "201": { "description": "Created", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Comment" } } } }
            }
          }
        }
      },
      "components": {
        "schemas": {
          "Sort": { "type": "string", "enum": [ "newest", "oldest" ] },
          "PostStatus": { "type": "string", "enum": [ "draft", "published" ] },
          "PostSummary": {
            "type": "object", "additionalProperties": false, "required": [ "id", "title" ],
            "properties": { "id": { "type": "integer", "format": "int32" }, "title": { "type": "string" } }
          },
          "Post": {
            "type": "object", "description": "A post.", "additionalProperties": false,
            "required": [ "id", "title", "publishedAt", "status", "sections", "author", "meta" ],
            "properties": {
              "id": { "type": "integer", "format": "int32" },
              "title": { "type": "string" },
              "publishedAt": { "type": "string", "format": "date-time" },
              "status": { "$ref": "#/components/schemas/PostStatus" },
              "sections": { "type": "array", "items": { "$ref": "#/components/schemas/Section" } },
              "author": { "description": "Who wrote it.", "oneOf": [ { "$ref": "#/components/schemas/Author" } ] },
              "meta": { "type": "object", "additionalProperties": { "type": "string" } }
            }
          },
          "Author": {
            "type": "object", "additionalProperties": false, "required": [ "name" ],
            "properties": { "name": { "type": "string" } }
          },
          "Section": {
            "type": "object", "additionalProperties": false, "required": [ "heading", "children" ],
            "properties": {
              "heading": { "type": "string" },
              "children": { "type": "array", "items": { "$ref": "#/components/schemas/Section" } }
            }
          },
          "CreatePostBody": {
            "type": "object", "additionalProperties": false, "required": [ "title" ],
            "properties": {
              "title": { "type": "string" },
              "summary": { "type": "string", "nullable": true },
              "status": { "$ref": "#/components/schemas/PostStatus" },
              "category": { "type": "string" }
            }
          },
          "Comment": {
            "type": "object", "additionalProperties": false, "required": [ "id", "body" ],
            "properties": { "id": { "type": "integer", "format": "int32" }, "body": { "type": "string" } }
          },
          "CreateCommentBody": {
            "type": "object", "additionalProperties": false, "required": [ "body" ],
            "properties": { "author": { "type": "string" }, "body": { "type": "string" } }
          },
          "ProblemDetails": {
            "type": "object", "required": [ "type", "title", "status", "code" ],
            "properties": {
              "type": { "type": "string" },
              "title": { "type": "string" },
              "status": { "type": "integer", "format": "int32" },
              "code": { "type": "string" },
              "errors": { "type": "object", "nullable": true, "additionalProperties": { "type": "array", "items": { "type": "string" } } }
            }
          },
          "ListPosts400Problem": {
            "allOf": [
              { "$ref": "#/components/schemas/ProblemDetails" },
              { "type": "object", "required": [ "code" ], "properties": { "code": { "type": "string", "enum": [ "validation_failed", "invalid_json" ] } } }
            ]
          }
        }
      }
    }
    """;

    /// <summary>The messages found when the document changed by <paramref name="change"/> is compared with the original.</summary>
    public static IReadOnlyList<string> BreaksAfter(Action<JsonObject> change) =>
        [.. Compare(Json, Changed(Json, change)).Select(b => b.Message)];

    /// <summary>The breaks between two documents given as JSON text.</summary>
    public static IReadOnlyList<ContractBreak> Compare(string baseline, string current)
    {
        using var was = JsonDocument.Parse(baseline);
        using var now = JsonDocument.Parse(current);
        return ContractComparer.Compare("v1.json", was.RootElement, now.RootElement);
    }

    /// <summary><paramref name="json"/> with <paramref name="change"/> applied to its nodes.</summary>
    public static string Changed(string json, Action<JsonObject> change)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        change(document);
        return document.ToJsonString();
    }

    /// <summary>The schema component <paramref name="name"/>.</summary>
    public static JsonObject Schema(this JsonObject document, string name) => document["components"]!["schemas"]![name]!.AsObject();

    /// <summary>The operation at <paramref name="verb"/> <paramref name="path"/>.</summary>
    public static JsonObject Operation(this JsonObject document, string path, string verb) => document["paths"]![path]![verb]!.AsObject();

    /// <summary>The parameter <paramref name="name"/> of an operation.</summary>
    public static JsonObject Parameter(this JsonObject operation, string name) =>
        operation["parameters"]!.AsArray().Single(p => (string?)p!["name"] == name)!.AsObject();

    /// <summary>A JSON node from text, for adding to a document.</summary>
    public static JsonNode Node(string json) => JsonNode.Parse(json)!;
}
