using Hybrid.Testing;
namespace Hybrid.Clients.Tests.Contract;

/// <summary>The comparison on the Blog sample's real public documents, as Hybrid writes them.</summary>
public sealed class BlogContractTests
{
    private static string Document(string name) => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "Blog", "clients", name));

    [Theory]
    [InlineData("v1.json")]
    [InlineData("v2.json")]
    public void A_document_has_no_break_against_itself(string name) =>
        MiniApi.Compare(Document(name), Document(name)).Should().BeEmpty();

    [Fact]
    public void A_removed_response_property_and_a_parameter_made_required_are_found_in_every_operation()
    {
        var baseline = Document("v1.json");
        var current = MiniApi.Changed(baseline, d =>
        {
            d.Schema("Comment")["properties"]!.AsObject().Remove("author");
            d.Schema("Comment")["required"]!.AsArray().Remove(d.Schema("Comment")["required"]!.AsArray().Single(n => (string?)n == "author"));
            d.Operation("/api/v1/posts", "get").Parameter("page")["required"] = true;
        });

        MiniApi.Compare(baseline, current).Should().Equal(
            new ContractBreak("v1.json", "/api/v1/posts", "ListPosts",
                "GET /api/v1/posts (ListPosts): query parameter 'page' became required."),
            new ContractBreak("v1.json", "/api/v1/posts/{postId}", "GetPost",
                "GET /api/v1/posts/{postId} (GetPost): response 200 property 'comments[].author' was removed."),
            new ContractBreak("v1.json", "/api/v1/posts/{postId}/comments", "CreateComment",
                "POST /api/v1/posts/{postId}/comments (CreateComment): response 201 property 'author' was removed."),
            new ContractBreak("v1.json", "/api/v1/posts/{postId}/comments/{commentId}", "GetComment",
                "GET /api/v1/posts/{postId}/comments/{commentId} (GetComment): response 200 property 'author' was removed."));
    }

    [Fact]
    public void A_problem_code_dropped_from_a_real_problem_schema_is_found()
    {
        var baseline = Document("v1.json");
        var current = MiniApi.Changed(baseline, d =>
            d.Schema("ValidationFailedOrInvalidJsonOrBadRequestProblem")["allOf"]![1]!["properties"]!["code"]!["enum"]!.AsArray().RemoveAt(2));

        // The problem type is shared by every 400 with these codes: each operation that answers it is named.
        var messages = MiniApi.Compare(baseline, current).Select(b => b.Message).ToList();
        messages.Should().Contain("POST /api/v1/posts/{postId}/comments (CreateComment): response 400 property 'code' lost the value 'bad_request'.")
            .And.Contain("POST /api/v1/webhooks/moderation (ModerateComment): response 400 property 'code' lost the value 'bad_request'.")
            .And.OnlyContain(m => m.EndsWith("): response 400 property 'code' lost the value 'bad_request'.", StringComparison.Ordinal));
        messages.Should().NotContain(m => m.Contains("(GetPost)", StringComparison.Ordinal), "GetPost's 400 carries only validation_failed");
    }
}
