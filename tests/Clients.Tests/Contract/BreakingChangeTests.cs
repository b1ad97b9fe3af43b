using System.Text.Json.Nodes;

namespace Hybrid.Clients.Tests.Contract;

/// <summary>Each kind of change that breaks a client built from the baseline is found, with its exact message.</summary>
public sealed class BreakingChangeTests
{
    private const string ListPosts = "GET /api/v1/posts (ListPosts): ";
    private const string CreatePost = "POST /api/v1/posts (CreatePost): ";
    private const string GetPost = "GET /api/v1/posts/{postId} (GetPost): ";
    private const string CreateComment = "POST /api/v1/posts/{postId}/comments (CreateComment): ";

    [Fact]
    public void A_removed_path_is_one_break_naming_its_operations()
    {
        var breaks = MiniApi.Compare(MiniApi.Json, MiniApi.Changed(MiniApi.Json, d => d["paths"]!.AsObject().Remove("/api/v1/posts/{postId}/comments")));

        breaks.Should().Equal(new ContractBreak("v1.json", "/api/v1/posts/{postId}/comments", "",
            "/api/v1/posts/{postId}/comments: the path was removed, and with it POST (CreateComment)."));
    }

    [Fact]
    public void A_path_renamed_past_its_shape_is_still_removed()
    {
        var breaks = MiniApi.Compare(MiniApi.Json, MiniApi.Changed(MiniApi.Json, d =>
        {
            var paths = d["paths"]!.AsObject();
            var item = paths["/api/v1/posts/{postId}/comments"]!;
            paths.Remove("/api/v1/posts/{postId}/comments");
            paths["/api/v1/posts/{postId}/replies"] = item;
        }));

        breaks.Should().Equal(new ContractBreak("v1.json", "/api/v1/posts/{postId}/comments", "",
            "/api/v1/posts/{postId}/comments: the path was removed, and with it POST (CreateComment)."));
    }

    [Fact]
    public void A_path_parameter_is_compared_at_its_position_whatever_its_name() =>
        MiniApi.BreaksAfter(d =>
            {
                var paths = d["paths"]!.AsObject();
                var item = paths["/api/v1/posts/{postId}"]!;
                paths.Remove("/api/v1/posts/{postId}");
                paths["/api/v1/posts/{id}"] = item;
                item["delete"]!.AsObject().Parameter("postId")["name"] = "id";
                item["get"]!.AsObject().Parameter("postId")["name"] = "id";
                item["get"]!.AsObject().Parameter("id")["schema"] = MiniApi.Node("""{ "type": "string" }""");
            })
            .Should().Equal(GetPost + "path parameter 'postId' type changed from integer to string.");

    [Fact]
    public void A_removed_operation_is_a_break()
    {
        var breaks = MiniApi.Compare(MiniApi.Json, MiniApi.Changed(MiniApi.Json, d => d["paths"]!["/api/v1/posts/{postId}"]!.AsObject().Remove("delete")));

        breaks.Should().Equal(new ContractBreak("v1.json", "/api/v1/posts/{postId}", "DeletePost",
            "DELETE /api/v1/posts/{postId} (DeletePost): the operation was removed."));
    }

    [Fact]
    public void A_removed_parameter_is_a_break() =>
        MiniApi.BreaksAfter(d => d.Operation("/api/v1/posts", "get")["parameters"]!.AsArray().RemoveAt(0))
            .Should().Equal(ListPosts + "query parameter 'page' was removed.");

    [Fact]
    public void A_parameter_becoming_required_is_a_break() =>
        MiniApi.BreaksAfter(d => d.Operation("/api/v1/posts", "get").Parameter("page")["required"] = true)
            .Should().Equal(ListPosts + "query parameter 'page' became required.");

    [Fact]
    public void A_new_required_parameter_is_a_break() =>
        MiniApi.BreaksAfter(d => d.Operation("/api/v1/posts", "get")["parameters"]!.AsArray()
                .Add(MiniApi.Node("""{ "name": "X-Tenant", "in": "header", "required": true, "schema": { "type": "string" } }""")))
            .Should().Equal(ListPosts + "header parameter 'X-Tenant' was added as required.");

    [Fact]
    public void A_parameter_type_change_is_a_break() =>
        MiniApi.BreaksAfter(d => d.Operation("/api/v1/posts", "get").Parameter("page")["schema"] = MiniApi.Node("""{ "type": "string" }"""))
            .Should().Equal(ListPosts + "query parameter 'page' type changed from integer to string.");

    [Fact]
    public void A_parameter_items_type_change_names_the_items() =>
        MiniApi.BreaksAfter(d => d.Operation("/api/v1/posts", "get").Parameter("tag")["schema"]!["items"] = MiniApi.Node("""{ "type": "integer" }"""))
            .Should().Equal(ListPosts + "query parameter 'tag[]' type changed from string to integer.");

    [Fact]
    public void A_removed_request_property_is_a_break_because_json_bodies_are_strict() =>
        MiniApi.BreaksAfter(d => d.Schema("CreatePostBody")["properties"]!.AsObject().Remove("summary"))
            .Should().Equal(CreatePost + "request body property 'summary' was removed.");

    [Fact]
    public void A_removed_request_property_passes_when_the_type_now_keeps_unknown_members() =>
        MiniApi.BreaksAfter(d =>
            {
                d.Schema("CreatePostBody")["properties"]!.AsObject().Remove("summary");
                d.Schema("CreatePostBody")["additionalProperties"] = true;
            })
            .Should().BeEmpty();

    [Fact]
    public void A_request_property_becoming_required_is_a_break() =>
        MiniApi.BreaksAfter(d => d.Schema("CreatePostBody")["required"]!.AsArray().Add("category"))
            .Should().Equal(CreatePost + "request body property 'category' became required.");

    [Fact]
    public void A_new_required_request_property_is_a_break() =>
        MiniApi.BreaksAfter(d =>
            {
                d.Schema("CreatePostBody")["properties"]!["slug"] = MiniApi.Node("""{ "type": "string" }""");
                d.Schema("CreatePostBody")["required"]!.AsArray().Add("slug");
            })
            .Should().Equal(CreatePost + "request body property 'slug' was added as required.");

    [Fact]
    public void A_request_body_becoming_required_is_one_break_for_both_media_types() =>
        MiniApi.BreaksAfter(d => d.Operation("/api/v1/posts/{postId}/comments", "post")["requestBody"]!["required"] = true)
            .Should().Equal(CreateComment + "request body became required.");

    [Fact]
    public void A_removed_request_body_is_a_break() =>
        MiniApi.BreaksAfter(d => d.Operation("/api/v1/posts", "post").Remove("requestBody"))
            .Should().Equal(CreatePost + "request body was removed.");

    [Fact]
    public void A_request_media_type_no_longer_accepted_is_a_break() =>
        MiniApi.BreaksAfter(d => d.Operation("/api/v1/posts/{postId}/comments", "post")["requestBody"]!["content"]!.AsObject().Remove("multipart/form-data"))
            .Should().Equal(CreateComment + "request body no longer accepts multipart/form-data.");

    [Fact]
    public void A_request_property_type_change_is_a_break() =>
        MiniApi.BreaksAfter(d => d.Schema("CreateCommentBody")["properties"]!["body"] = MiniApi.Node("""{ "type": "integer" }"""))
            .Should().Equal(CreateComment + "request body property 'body' type changed from string to integer.");

    [Fact]
    public void A_request_property_no_longer_accepting_null_is_a_break() =>
        MiniApi.BreaksAfter(d => d.Schema("CreatePostBody")["properties"]!["summary"]!.AsObject().Remove("nullable"))
            .Should().Equal(CreatePost + "request body property 'summary' no longer accepts null.");

    [Fact]
    public void A_request_property_restricted_to_an_enum_is_a_break() =>
        MiniApi.BreaksAfter(d => d.Schema("CreatePostBody")["properties"]!["category"]!["enum"] = MiniApi.Node("""[ "news", "howto" ]"""))
            .Should().Equal(CreatePost + "request body property 'category' was restricted to the values 'news', 'howto'.");

    [Fact]
    public void A_removed_response_status_is_a_break() =>
        MiniApi.BreaksAfter(d => d.Operation("/api/v1/posts/{postId}", "get")["responses"]!.AsObject().Remove("404"))
            .Should().Equal(GetPost + "response 404 was removed.");

    [Fact]
    public void A_success_status_change_is_one_break() =>
        MiniApi.BreaksAfter(d =>
            {
                var responses = d.Operation("/api/v1/posts", "post")["responses"]!.AsObject();
                var created = responses["201"]!;
                responses.Remove("201");
                responses["200"] = created;
            })
            .Should().Equal(CreatePost + "success status changed from 201 to 200.");

    [Fact]
    public void A_success_status_change_also_compares_the_bodies() =>
        MiniApi.BreaksAfter(d =>
            {
                var responses = d.Operation("/api/v1/posts/{postId}/comments", "post")["responses"]!.AsObject();
                responses.Remove("201");
                responses["200"] = MiniApi.Node("""{ "description": "OK", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PostSummary" } } } }""");
            })
            .Should().Equal(
                CreateComment + "success status changed from 201 to 200.",
                CreateComment + "response 200 property 'body' was removed.");

    [Fact]
    public void A_new_success_status_is_a_break_since_old_clients_take_it_for_a_failure() =>
        MiniApi.BreaksAfter(d => d.Operation("/api/v1/posts/{postId}", "delete")["responses"]!["200"] = MiniApi.Node("""{ "description": "OK" }"""))
            .Should().Equal("DELETE /api/v1/posts/{postId} (DeletePost): success status 200 was added.");

    [Fact]
    public void A_removed_response_body_is_a_break() =>
        MiniApi.BreaksAfter(d => d.Operation("/api/v1/posts/{postId}", "get")["responses"]!["200"]!.AsObject().Remove("content"))
            .Should().Equal(GetPost + "response 200 body was removed.");

    [Fact]
    public void A_response_media_type_no_longer_returned_is_a_break() =>
        MiniApi.BreaksAfter(d =>
            {
                var content = d.Operation("/api/v1/posts/{postId}", "get")["responses"]!["404"]!["content"]!.AsObject();
                var problem = content["application/problem+json"]!;
                content.Remove("application/problem+json");
                content["application/json"] = problem;
            })
            .Should().Equal(GetPost + "response 404 no longer returns application/problem+json.");

    [Fact]
    public void A_request_dictionary_closed_to_additional_properties_is_a_break()
    {
        var baseline = MiniApi.Changed(MiniApi.Json, d =>
            d.Schema("CreatePostBody")["properties"]!["labels"] = MiniApi.Node("""{ "type": "object", "additionalProperties": { "type": "string" } }"""));
        var current = MiniApi.Changed(baseline, d => d.Schema("CreatePostBody")["properties"]!["labels"]!["additionalProperties"] = false);

        MiniApi.Compare(baseline, current).Select(b => b.Message)
            .Should().Equal(CreatePost + "request body property 'labels' no longer accepts additional properties.");
    }

    [Fact]
    public void A_removed_response_property_is_named_by_its_path_in_every_operation_returning_it() =>
        MiniApi.BreaksAfter(d =>
            {
                d.Schema("Section")["properties"]!.AsObject().Remove("heading");
                d.Schema("Section")["required"] = MiniApi.Node("""[ "children" ]""");
            })
            .Should().Equal(
                CreatePost + "response 201 property 'sections[].heading' was removed.",
                GetPost + "response 200 property 'sections[].heading' was removed.");

    [Fact]
    public void A_removed_property_of_an_array_response_is_named_from_the_items() =>
        MiniApi.BreaksAfter(d => d.Schema("PostSummary")["properties"]!.AsObject().Remove("title"))
            .Should().Equal(ListPosts + "response 200 property '[].title' was removed.");

    [Fact]
    public void A_response_property_becoming_optional_is_a_break() =>
        MiniApi.BreaksAfter(d => d.Schema("Comment")["required"] = MiniApi.Node("""[ "id" ]"""))
            .Should().Equal(CreateComment + "response 201 property 'body' became optional.");

    [Fact]
    public void A_response_property_becoming_nullable_is_a_break() =>
        MiniApi.BreaksAfter(d => d.Schema("Comment")["properties"]!["body"]!["nullable"] = true)
            .Should().Equal(CreateComment + "response 201 property 'body' became nullable.");

    [Fact]
    public void A_wrapped_reference_becoming_nullable_is_a_break() =>
        MiniApi.BreaksAfter(d => d.Schema("Post")["properties"]!["author"]!["nullable"] = true)
            .Should().Equal(
                CreatePost + "response 201 property 'author' became nullable.",
                GetPost + "response 200 property 'author' became nullable.");

    [Fact]
    public void A_response_property_type_change_is_a_break() =>
        MiniApi.BreaksAfter(d => d.Schema("Comment")["properties"]!["id"] = MiniApi.Node("""{ "type": "string" }"""))
            .Should().Equal(CreateComment + "response 201 property 'id' type changed from integer to string.");

    [Fact]
    public void A_format_change_is_a_break() =>
        MiniApi.BreaksAfter(d => d.Schema("Post")["properties"]!["publishedAt"]!["format"] = "date")
            .Should().Equal(
                CreatePost + "response 201 property 'publishedAt' format changed from date-time to date.",
                GetPost + "response 200 property 'publishedAt' format changed from date-time to date.");

    [Fact]
    public void A_dictionary_value_change_names_the_values() =>
        MiniApi.BreaksAfter(d => d.Schema("Post")["properties"]!["meta"]!["additionalProperties"] = MiniApi.Node("""{ "type": "integer" }"""))
            .Should().Equal(
                CreatePost + "response 201 property 'meta{}' type changed from string to integer.",
                GetPost + "response 200 property 'meta{}' type changed from string to integer.");

    [Fact]
    public void A_change_inside_a_wrapped_reference_is_found() =>
        MiniApi.BreaksAfter(d => d.Schema("Author")["properties"]!["name"]!["format"] = "email")
            .Should().Equal(
                CreatePost + "response 201 property 'author.name' format changed from none to email.",
                GetPost + "response 200 property 'author.name' format changed from none to email.");

    [Fact]
    public void A_removed_enum_value_is_a_break_in_requests_and_responses() =>
        MiniApi.BreaksAfter(d => d.Schema("PostStatus")["enum"] = MiniApi.Node("""[ "published" ]"""))
            .Should().Equal(
                CreatePost + "request body property 'status' lost the value 'draft'.",
                CreatePost + "response 201 property 'status' lost the value 'draft'.",
                GetPost + "response 200 property 'status' lost the value 'draft'.");

    [Fact]
    public void A_removed_enum_value_of_a_parameter_is_a_break() =>
        MiniApi.BreaksAfter(d => d.Schema("Sort")["enum"]!.AsArray().RemoveAt(1))
            .Should().Equal(ListPosts + "query parameter 'sort' lost the value 'oldest'.");

    [Fact]
    public void A_problem_code_removed_from_an_all_of_problem_is_a_break() =>
        MiniApi.BreaksAfter(d => d.Schema("ListPosts400Problem")["allOf"]![1]!["properties"]!["code"]!["enum"]!.AsArray().RemoveAt(1))
            .Should().Equal(ListPosts + "response 400 property 'code' lost the value 'invalid_json'.");

    [Fact]
    public void A_property_inherited_through_all_of_is_compared() =>
        MiniApi.BreaksAfter(d => d.Schema("ProblemDetails")["properties"]!["status"]!["format"] = "int64")
            .Should().Equal(
                ListPosts + "response 400 property 'status' format changed from int32 to int64.",
                GetPost + "response 404 property 'status' format changed from int32 to int64.");

    [Fact]
    public void A_subtype_removed_from_a_discriminator_is_a_break()
    {
        var baseline = MiniApi.Changed(MiniApi.Json, AddBlocks);
        var current = MiniApi.Changed(baseline, d => d.Schema("Block")["discriminator"]!["mapping"]!.AsObject().Remove("image"));

        MiniApi.Compare(baseline, current).Select(b => b.Message).Should().Equal(
            CreatePost + "response 201 property 'blocks[]' lost the subtype 'image'.",
            GetPost + "response 200 property 'blocks[]' lost the subtype 'image'.");
    }

    [Fact]
    public void A_change_in_a_subtype_names_the_subtype()
    {
        var baseline = MiniApi.Changed(MiniApi.Json, AddBlocks);
        var current = MiniApi.Changed(baseline, d => d.Schema("ImageBlock")["allOf"]![1]!["properties"]!.AsObject().Remove("url"));

        MiniApi.Compare(baseline, current).Select(b => b.Message).Should().Equal(
            CreatePost + "response 201 property 'blocks[]<image>.url' was removed.",
            GetPost + "response 200 property 'blocks[]<image>.url' was removed.");
    }

    // Hybrid's polymorphic shape: the base names its subtypes in a discriminator, each subtype is allOf the base and its own members.
    private static void AddBlocks(JsonObject document)
    {
        var schemas = document["components"]!["schemas"]!.AsObject();
        schemas["Block"] = MiniApi.Node("""
            { "type": "object", "discriminator": { "propertyName": "kind", "mapping": { "text": "#/components/schemas/TextBlock", "image": "#/components/schemas/ImageBlock" } },
              "required": [ "kind" ], "properties": { "kind": { "type": "string" } } }
            """);
        schemas["TextBlock"] = MiniApi.Node("""{ "allOf": [ { "$ref": "#/components/schemas/Block" }, { "type": "object", "required": [ "text" ], "properties": { "text": { "type": "string" } } } ] }""");
        schemas["ImageBlock"] = MiniApi.Node("""{ "allOf": [ { "$ref": "#/components/schemas/Block" }, { "type": "object", "required": [ "url" ], "properties": { "url": { "type": "string" } } } ] }""");
        document.Schema("Post")["properties"]!["blocks"] = MiniApi.Node("""{ "type": "array", "items": { "$ref": "#/components/schemas/Block" } }""");
    }
}
