using Hybrid.Testing;
using Hybrid.Clients.Tests.Contract;

namespace Hybrid.Clients.Tests.CSharp;

/// <summary>
/// Every shape Hybrid writes goes through the C# templates into code that compiles without a warning:
/// the Blog's two public documents (multipart forms with files, dozens of problem types, conditional
/// GETs, If-Match writes) side by side, and a small one with a <c>[Flags]</c> enum that travels as a number
/// and a form whose member is named <c>body</c>, as NSwag names a JSON body.
/// </summary>
public sealed class GeneratedDocumentsCompileTests
{
    [Fact]
    public async Task The_Blog_documents_and_an_integer_enum_compile_side_by_side()
    {
        var mini = MiniApi.Changed(MiniApi.Json, d =>
        {
            d["components"]!["schemas"]!["Access"] = MiniApi.Node("""{ "type": "integer", "format": "int32", "enum": [ 1, 2, 4 ], "x-enumNames": [ "Read", "Write", "Admin" ], "x-enumFlags": true }""");
            d.Schema("Post")["properties"]!["access"] = MiniApi.Node("""{ "$ref": "#/components/schemas/Access" }""");
        });

        using var client = await GeneratedCSharpClient.BuildAsync(
            [
                new ClientOf(Blog("v1.json"), "BlogApiV1Client", "Blog.Clients.V1"),
                new ClientOf(Blog("v2.json"), "BlogApiV2Client", "Blog.Clients.V2"),
                new ClientOf(mini, "MiniV1Client", "Mini.Clients.V1"),
            ],
            """
            using var http = new HttpClient { BaseAddress = new Uri("http://localhost/") };
            Blog.Clients.V1.IBlogApiV1Client v1 = new Blog.Clients.V1.BlogApiV1Client(http).WithToken(() => null);
            Blog.Clients.V2.IBlogApiV2Client v2 = new Blog.Clients.V2.BlogApiV2Client(http);
            var access = Mini.Clients.V1.Access.Read | Mini.Clients.V1.Access.Write;
            Console.WriteLine($"{Blog.Clients.V1.PostStatus.Published} {access} {v1 is not null} {v2 is not null}");
            """);

        client.Source.Should().Contain("public readonly partial struct PostStatus").And.Contain("GetPostIfChangedAsync(int postId, string? ifNoneMatch = null");
    }

    private static string Blog(string name) => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "Blog", "clients", name));
}
