using System.Text.Json.Nodes;

namespace Hybrid.Clients.Tests.Generation;

/// <summary>The copy of a document the C# client is generated from: .NET names, the wire untouched.</summary>
public sealed class CSharpDocumentTests
{
    [Fact]
    public void String_enums_get_dotnet_names_that_never_clash_with_the_struct_or_each_other()
    {
        var document = Prepare("""
            { "paths": {}, "components": { "schemas": {
                "Status": { "type": "string", "enum": [ "status", "in-review", "in_review", "value", "2fa", "" ] },
                "Problem": { "allOf": [ { "type": "object", "properties": { "code": { "type": "string", "enum": [ "note_not_found" ] } } } ] },
                "Access": { "type": "integer", "enum": [ 1, 2 ], "x-enumNames": [ "Read", "Write" ] } } } }
            """);

        Names(document["components"]!["schemas"]!["Status"]).Should().Equal("StatusValue", "InReview", "InReview2", "ValueValue", "Value2fa", "Empty");
        Names(document["components"]!["schemas"]!["Problem"]!["allOf"]![0]!["properties"]!["code"]).Should().Equal("NoteNotFound");
        Names(document["components"]!["schemas"]!["Access"]).Should().Equal("Read", "Write");
        document["components"]!["schemas"]!["Status"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>())
            .Should().Equal("status", "in-review", "in_review", "value", "2fa", "");
    }

    [Fact]
    public void Header_parameters_are_named_in_camel_case_and_a_request_with_a_file_keeps_only_its_form()
    {
        var document = Prepare("""
            { "paths": { "/a": { "post": {
                "parameters": [ { "name": "If-Match", "in": "header" }, { "name": "page", "in": "query" } ],
                "requestBody": { "content": { "application/json": { "schema": {} }, "multipart/form-data": { "schema": {} } } } } } } }
            """);
        var operation = document["paths"]!["/a"]!["post"]!;

        ((string?)operation["parameters"]![0]!["x-originalName"]).Should().Be("ifMatch");
        ((string?)operation["parameters"]![0]!["name"]).Should().Be("If-Match");
        operation["parameters"]![1]!.AsObject().ContainsKey("x-originalName").Should().BeFalse();
        operation["requestBody"]!["content"]!.AsObject().Select(c => c.Key).Should().Equal("multipart/form-data");
    }

    private static JsonObject Prepare(string json) => CSharpDocument.Prepare(JsonNode.Parse(json)!.AsObject());

    private static IEnumerable<string> Names(JsonNode? schema) => schema!["x-enumNames"]!.AsArray().Select(n => n!.GetValue<string>());
}
