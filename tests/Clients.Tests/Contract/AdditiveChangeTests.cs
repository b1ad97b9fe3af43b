using System.Globalization;
using System.Text;

namespace Hybrid.Clients.Tests.Contract;

/// <summary>Changes a client built from the baseline keeps working with pass the gate.</summary>
public sealed class AdditiveChangeTests
{
    [Fact]
    public void The_same_document_has_no_break() =>
        MiniApi.Compare(MiniApi.Json, MiniApi.Json).Should().BeEmpty();

    [Fact]
    public void A_new_optional_query_parameter_passes() =>
        MiniApi.BreaksAfter(d => d.Operation("/api/v1/posts", "get")["parameters"]!.AsArray()
                .Add(MiniApi.Node("""{ "name": "author", "in": "query", "schema": { "type": "string" } }""")))
            .Should().BeEmpty();

    [Fact]
    public void A_new_path_passes() =>
        MiniApi.BreaksAfter(d => d["paths"]!["/api/v1/tags"] = MiniApi.Node("""
                { "get": { "operationId": "ListTags", "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "type": "array", "items": { "type": "string" } } } } } } } }
                """))
            .Should().BeEmpty();

    [Fact]
    public void A_renamed_path_placeholder_passes_because_paths_meet_by_shape() =>
        MiniApi.BreaksAfter(d =>
            {
                var paths = d["paths"]!.AsObject();
                var item = paths["/api/v1/posts/{postId}"]!;
                paths.Remove("/api/v1/posts/{postId}");
                paths["/api/v1/posts/{id}"] = item;
                item["get"]!.AsObject().Parameter("postId")["name"] = "id";
                item["delete"]!.AsObject().Parameter("postId")["name"] = "id";
            })
            .Should().BeEmpty();

    [Fact]
    public void A_new_operation_on_a_path_passes() =>
        MiniApi.BreaksAfter(d => d["paths"]!["/api/v1/posts/{postId}"]!["put"] = MiniApi.Node("""
                { "operationId": "UpdatePost", "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CreatePostBody" } } } },
                  "responses": { "204": { "description": "No Content" } } }
                """))
            .Should().BeEmpty();

    [Fact]
    public void A_new_response_property_passes() =>
        MiniApi.BreaksAfter(d =>
            {
                d.Schema("Comment")["properties"]!["createdAt"] = MiniApi.Node("""{ "type": "string", "format": "date-time" }""");
                d.Schema("Comment")["required"]!.AsArray().Add("createdAt");
            })
            .Should().BeEmpty();

    [Fact]
    public void A_new_optional_request_property_passes() =>
        MiniApi.BreaksAfter(d => d.Schema("CreateCommentBody")["properties"]!["email"] = MiniApi.Node("""{ "type": "string", "format": "email" }"""))
            .Should().BeEmpty();

    [Fact]
    public void A_new_error_status_passes() =>
        MiniApi.BreaksAfter(d => d.Operation("/api/v1/posts/{postId}/comments", "post")["responses"]!["404"] = MiniApi.Node("""
                { "description": "Not Found", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/ProblemDetails" } } } }
                """))
            .Should().BeEmpty();

    [Fact]
    public void Changed_descriptions_summaries_and_examples_pass() =>
        MiniApi.BreaksAfter(d =>
            {
                d.Operation("/api/v1/posts", "get")["summary"] = "Lists every post, newest first.";
                d.Operation("/api/v1/posts", "get").Parameter("page")["description"] = "The page, from 1.";
                d.Operation("/api/v1/posts", "get").Parameter("page")["example"] = 2;
                d.Schema("Post")["description"] = "A post with its sections.";
                d.Schema("Post")["properties"]!["author"]!["description"] = "The author.";
                d.Operation("/api/v1/posts/{postId}", "get")["responses"]!["200"]!["description"] = "The post.";
            })
            .Should().BeEmpty();

    [Fact]
    public void A_component_renamed_with_the_same_shape_passes()
    {
        // Section is recursive: the renamed copy must still be compared pair by pair, and end.
        var renamed = MiniApi.Json
            .Replace("\"Post\": {", "\"Article\": {", StringComparison.Ordinal)
            .Replace("#/components/schemas/Post\"", "#/components/schemas/Article\"", StringComparison.Ordinal)
            .Replace("\"Section\": {", "\"Node\": {", StringComparison.Ordinal)
            .Replace("#/components/schemas/Section\"", "#/components/schemas/Node\"", StringComparison.Ordinal);
        renamed.Should().NotContain("schemas/Post\"").And.NotContain("Section");

        MiniApi.Compare(MiniApi.Json, renamed).Should().BeEmpty();
    }

    [Fact]
    public void A_renamed_component_with_another_shape_is_still_compared()
    {
        var renamed = MiniApi.Changed(MiniApi.Json.Replace("#/components/schemas/Comment\"", "#/components/schemas/Note\"", StringComparison.Ordinal), d =>
            d["components"]!["schemas"]!["Note"] = MiniApi.Node("""{ "type": "object", "required": [ "id" ], "properties": { "id": { "type": "integer", "format": "int32" } } }"""));

        MiniApi.Compare(MiniApi.Json, renamed).Select(b => b.Message)
            .Should().Equal("POST /api/v1/posts/{postId}/comments (CreateComment): response 201 property 'body' was removed.");
    }

    [Fact]
    public void A_parameter_becoming_optional_passes()
    {
        var required = MiniApi.Changed(MiniApi.Json, d => d.Operation("/api/v1/posts", "get").Parameter("page")["required"] = true);

        MiniApi.Compare(required, MiniApi.Json).Should().BeEmpty();
    }

    [Fact]
    public void A_request_property_becoming_optional_or_nullable_passes() =>
        MiniApi.BreaksAfter(d =>
            {
                d.Schema("CreatePostBody")["required"] = MiniApi.Node("[]");
                d.Schema("CreatePostBody")["properties"]!["title"]!["nullable"] = true;
            })
            .Should().BeEmpty();

    [Fact]
    public void A_response_property_becoming_required_or_not_nullable_passes() =>
        MiniApi.BreaksAfter(d =>
            {
                d.Schema("ProblemDetails")["required"]!.AsArray().Add("errors");
                d.Schema("ProblemDetails")["properties"]!["errors"]!.AsObject().Remove("nullable");
            })
            .Should().BeEmpty();

    [Fact]
    public void An_added_enum_value_passes_in_requests_and_responses() =>
        MiniApi.BreaksAfter(d => d.Schema("PostStatus")["enum"]!.AsArray().Add("archived"))
            .Should().BeEmpty();

    [Fact]
    public void A_wrapper_replaced_by_its_bare_reference_passes() =>
        MiniApi.BreaksAfter(d => d.Schema("Post")["properties"]!["author"] = MiniApi.Node("""{ "$ref": "#/components/schemas/Author" }"""))
            .Should().BeEmpty();

    [Fact]
    public void A_problem_schema_inlined_instead_of_all_of_passes() =>
        MiniApi.BreaksAfter(d => d["components"]!["schemas"]!["ListPosts400Problem"] = MiniApi.Node("""
                { "type": "object", "required": [ "type", "title", "status", "code" ],
                  "properties": {
                    "type": { "type": "string" }, "title": { "type": "string" }, "status": { "type": "integer", "format": "int32" },
                    "code": { "type": "string", "enum": [ "validation_failed", "invalid_json" ] },
                    "errors": { "type": "object", "nullable": true, "additionalProperties": { "type": "array", "items": { "type": "string" } } } } }
                """))
            .Should().BeEmpty();

    [Fact]
    public void A_thousand_operations_are_compared_one_by_one()
    {
        // Not timed: the comparison indexes paths and components, so its size is what matters, and a
        // break in the last operation is found like one in the first.
        var baseline = Operations(1000, withPage: _ => true);
        var current = Operations(1000, withPage: i => i != 999);

        MiniApi.Compare(baseline, current).Select(b => b.Message)
            .Should().Equal("GET /api/v1/things999 (GetThing999): query parameter 'page' was removed.");
    }

    private static string Operations(int count, Func<int, bool> withPage)
    {
        var json = new StringBuilder("""{ "openapi": "3.0.0", "info": { "title": "Many", "version": "v1" }, "paths": {""");
        for (var i = 0; i < count; i++)
        {
            var parameters = withPage(i) ? """[ { "name": "page", "in": "query", "schema": { "type": "integer" } } ]""" : "[]";
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $$"""
                "/api/v1/things{{i}}": { "get": { "operationId": "GetThing{{i}}", "parameters": {{parameters}},
                  "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing{{i}}" } } } } } } }
                """);
        }

        json.Append("""}, "components": { "schemas": {""");
        for (var i = 0; i < count; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $$"""
                "Thing{{i}}": { "type": "object", "required": [ "id" ], "properties": { "id": { "type": "integer" }, "next": { "$ref": "#/components/schemas/Thing{{(i + 1) % count}}" } } }
                """);
        }

        return json.Append("} } }").ToString();
    }
}
