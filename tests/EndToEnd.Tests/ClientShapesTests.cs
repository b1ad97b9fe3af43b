namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// SavePost through both generated clients under Node, in a time zone 14 hours ahead of UTC: every
/// shape it has (an enum by name, a <c>DateOnly</c>, a nullable string, lists of strings and of objects,
/// an optional file) arrives and comes back as sent, both doors save the same post, and each declared
/// problem is read by its code without a cast (tests/EndToEnd.Tests/ts/run-shapes.ts).
/// </summary>
[Collection(EditingBlogCollection.Name)]
public sealed class ClientShapesTests(EditingBlogServer blog)
{
    [Fact]
    public async Task Every_shape_of_SavePost_round_trips_through_both_generated_clients_in_Kiritimati()
    {
        var outDir = Directory.CreateTempSubdirectory("hybrid-shapes-").FullName;
        try
        {
            (await ProcessRunner.RunAsync("node", [GeneratedClientTests.TypeScriptCompiler(), "-p", "tsconfig.json", "--outDir", outDir], Repository.TypeScriptFolder)).ShouldSucceed("tsc");
            var run = await ProcessRunner.RunAsync(
                "node",
                [Path.Combine(outDir, "tests", "EndToEnd.Tests", "ts", "run-shapes.js")],
                Repository.TypeScriptFolder,
                new Dictionary<string, string>
                {
                    ["BLOG_URL"] = blog.BaseAddress.ToString().TrimEnd('/'),
                    ["EDITOR_TOKEN"] = await BlogAccounts.IssueTokenAsync(blog, "ada"),
                    ["TZ"] = "Pacific/Kiritimati",
                });
            run.ShouldSucceed("the Node script saving posts through both clients");
            run.Output.Should().Contain("\"ok\":true");
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }
}
