using System.Text.Json.Nodes;

namespace Hybrid.Clients.Tests.Generation;

/// <summary>The copy a client is generated from keeps every shape the client's code reads and only those.</summary>
public sealed class ClientDocumentTests
{
    private static readonly string Json = """
        {
          "openapi": "3.0.1",
          "paths": {
            "/posts": {
              "post": {
                "requestBody": { "content": {
                  "application/json": { "schema": { "$ref": "#/components/schemas/SavePost" } },
                  "multipart/form-data": { "schema": { "$ref": "#/components/schemas/SavePostForm" } } } },
                "responses": { "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Post" } } } } }
              }
            }
          },
          "components": { "schemas": {
            "SavePost": { "type": "object", "properties": { "title": { "type": "string" } }, "additionalProperties": false },
            "SavePostForm": { "type": "object", "properties": { "cover": { "type": "string", "format": "binary" } } },
            "Post": { "type": "object", "required": ["id"], "properties": { "id": { "type": "integer" } } },
            "Status": { "type": "string", "enum": ["Draft", "Published"] },
            "Tags": { "type": "object", "additionalProperties": { "type": "string" } },
            "Problem": { "allOf": [ { "$ref": "#/components/schemas/Post" } ] }
          } }
        }
        """;

    private static JsonObject Schemas() =>
        ClientDocument.Slim(JsonNode.Parse(Json)!.AsObject())["components"]!["schemas"]!.AsObject();

    [Fact]
    public void Object_schemas_keep_their_names_and_lose_their_members()
    {
        var schemas = Schemas();
        schemas.Select(s => s.Key).Should().Equal("SavePost", "SavePostForm", "Post", "Status", "Tags", "Problem");
        schemas["SavePost"]!["properties"]!.AsObject().Should().BeEmpty();
        schemas["Post"]!["properties"]!.AsObject().Should().BeEmpty();
        schemas["Post"]!["required"].Should().BeNull();
    }

    [Fact]
    public void Enums_dictionaries_compositions_and_multipart_bodies_stay_whole()
    {
        var schemas = Schemas();
        schemas["Status"]!["enum"]!.AsArray().Should().HaveCount(2);
        schemas["Tags"]!["additionalProperties"]!["type"]!.GetValue<string>().Should().Be("string");
        schemas["Problem"]!["allOf"].Should().NotBeNull();
        schemas["SavePostForm"]!["properties"]!["cover"].Should().NotBeNull();
    }
}
