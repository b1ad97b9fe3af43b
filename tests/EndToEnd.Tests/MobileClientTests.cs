namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// samples/Blog/mobile, the stand-in for the Blog's mobile app, compiled strictly and run under Node
/// against the live Blog: it reads by tag and through v2, handles a declared 404 by its code, and
/// retries a comment whose answer was lost under one Idempotency-Key, storing it exactly once.
/// </summary>
[Collection(BlogCollection.Name)]
public sealed class MobileClientTests(BlogServer blog)
{
    [Fact]
    public async Task The_mobile_stand_in_runs_against_the_live_blog_through_the_generated_rest_clients_only()
    {
        var mobile = Path.Combine(Repository.BlogProject, "mobile");
        var source = await File.ReadAllTextAsync(Path.Combine(mobile, "main.ts"));
        source.Should().NotContain("clients/actions", "the mobile app uses the public REST door only");

        var outDir = Directory.CreateTempSubdirectory("hybrid-mobile-").FullName;
        try
        {
            (await ProcessRunner.RunAsync("node", [GeneratedClientTests.TypeScriptCompiler(), "-p", Path.Combine(mobile, "tsconfig.json"), "--outDir", outDir], mobile))
                .ShouldSucceed("tsc --strict over the mobile stand-in and the generated REST clients");
            var run = await ProcessRunner.RunAsync(
                "node",
                [Path.Combine(outDir, "mobile", "main.js")],
                mobile,
                new Dictionary<string, string> { ["BLOG_URL"] = blog.BaseAddress.ToString().TrimEnd('/'), ["BLOG_TOKEN"] = await BlogAccounts.IssueTokenAsync(blog, "ada") });
            run.ShouldSucceed("the mobile stand-in");
            run.Output.Should().Contain("\"step\":\"missing post\",\"detail\":\"post_not_found\"")
                .And.Contain("\"step\":\"retrying after a lost answer\"")
                .And.Contain("\"step\":\"live comment\"")
                .And.Contain("\"lost\":1,\"copies\":1")
                .And.Contain("\"ok\":true");
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }
}
