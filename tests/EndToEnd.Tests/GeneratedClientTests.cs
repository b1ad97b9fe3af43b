namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// The Blog's documents and NSwag clients, which its own build writes into samples/Blog/clients
/// (Hybrid.Clients, from source): they are what the running sample serves, they are committed as the
/// build wrote them, they compile under <c>tsc --strict</c>, and they work under Node against the live server.
/// </summary>
[Collection(BlogCollection.Name)]
public sealed class GeneratedClientTests(BlogServer blog)
{
    private const string Fix = "; the build rewrites samples/Blog/clients: review the diff and commit it";

    [Theory]
    [InlineData("actions")]
    [InlineData("v1")]
    [InlineData("v2")]
    public async Task The_document_the_build_wrote_is_what_the_running_sample_serves(string document)
    {
        using var http = blog.CreateClient();
        var served = await http.GetStringAsync(new Uri($"/openapi/{document}.json", UriKind.Relative));
        var built = Path.Combine(Repository.ClientsFolder, document + ".json");
        Normalize(await File.ReadAllTextAsync(built)).Should().Be(Normalize(served), built + " differs from what the sample serves");
    }

    [Fact]
    public async Task The_committed_clients_are_what_the_build_writes()
    {
        // In a git checkout: what the build wrote into samples/Blog/clients is what is committed.
        var inside = await ProcessRunner.RunAsync("git", ["rev-parse", "--is-inside-work-tree"], Repository.Root);
        if (inside.ExitCode == 0)
        {
            var status = await ProcessRunner.RunAsync("git", ["status", "--porcelain", "--", "samples/Blog/clients", "samples/Blog/contract"], Repository.Root);
            status.ShouldSucceed("git status");
            status.Output.Trim().Should().BeEmpty("the build's documents and clients must be committed as written" + Fix);
        }

        // Anywhere: the same build into another folder writes exactly the files the folder holds.
        var output = Directory.CreateTempSubdirectory("hybrid-blog-clients-").FullName;
        try
        {
            (await ProcessRunner.RunAsync(
                "dotnet",
                ["build", Path.Combine(Repository.BlogProject, "Blog.csproj"), "-c", Repository.Configuration, "--no-dependencies", "--nologo", "-p:HybridClientsOutput=" + output + "/"],
                Repository.Root,
                timeout: TimeSpan.FromMinutes(4))).ShouldSucceed("building the Blog's clients into " + output);
            var written = Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            written.Should().Equal(["actions.json", "actions.ts", "mcp-tools.json", "rest-v1.ts", "rest-v2.ts", "types.ts", "v1.json", "v2.json"]);
            foreach (var file in written)
            {
                Normalize(await File.ReadAllTextAsync(Path.Combine(Repository.ClientsFolder, file!))).Should()
                    .Be(Normalize(await File.ReadAllTextAsync(Path.Combine(output, file!))), file + " is stale" + Fix);
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task The_generated_clients_compile_under_tsc_strict()
    {
        var result = await ProcessRunner.RunAsync("node", [TypeScriptCompiler(), "-p", "tsconfig.json", "--strict", "--noEmit"], Repository.TypeScriptFolder);
        result.ShouldSucceed("tsc --strict --noEmit over types.ts, actions.ts, rest-v1.ts, rest-v2.ts and the Node script");
    }

    [Fact]
    public async Task A_problem_code_the_operation_does_not_declare_does_not_compile()
    {
        var work = Directory.CreateTempSubdirectory("hybrid-typed-errors-").FullName;
        try
        {
            var clients = Repository.ClientsFolder.Replace('\\', '/');
            await File.WriteAllTextAsync(Path.Combine(work, "declared.ts"), $$"""
                import { isApiException } from "{{clients}}/types";
                import type { GetPostError } from "{{clients}}/rest-v1";
                export function declared(e: unknown): boolean {
                    return isApiException<GetPostError>(e) && e.status === 404 && e.result.code === "post_not_found";
                }
                """);
            await File.WriteAllTextAsync(Path.Combine(work, "undeclared.ts"), $$"""
                import { isApiException } from "{{clients}}/types";
                import type { GetPostError } from "{{clients}}/rest-v1";
                export function undeclared(e: unknown): boolean {
                    return isApiException<GetPostError>(e) && e.status === 404 && e.result.code === "comment_not_found";
                }
                """);
            string[] options = ["--strict", "--noEmit", "--target", "ES2022", "--module", "ES2022", "--moduleResolution", "bundler", "--lib", "ES2022,DOM", "--skipLibCheck"];
            (await ProcessRunner.RunAsync("node", [TypeScriptCompiler(), .. options, "declared.ts"], work)).ShouldSucceed("a declared code compiles without a cast");
            var undeclared = await ProcessRunner.RunAsync("node", [TypeScriptCompiler(), .. options, "undeclared.ts"], work);
            undeclared.ExitCode.Should().NotBe(0, "comparing the 404's code with one getPost does not declare must not compile");
            undeclared.Output.Should().Contain("TS2367");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task The_generated_clients_call_the_live_sample_under_node()
    {
        var outDir = Directory.CreateTempSubdirectory("hybrid-tsc-").FullName;
        try
        {
            (await ProcessRunner.RunAsync("node", [TypeScriptCompiler(), "-p", "tsconfig.json", "--outDir", outDir], Repository.TypeScriptFolder)).ShouldSucceed("tsc");
            var script = Path.Combine(outDir, "tests", "EndToEnd.Tests", "ts", "run-clients.js");
            var run = await ProcessRunner.RunAsync("node", [script], Repository.TypeScriptFolder, new Dictionary<string, string> { ["BLOG_URL"] = blog.BaseAddress.ToString().TrimEnd('/'), ["ADA_TOKEN"] = await BlogAccounts.IssueTokenAsync(blog, "ada") });
            run.ShouldSucceed("the Node script calling both clients");
            run.Output.Should().Contain("\"ok\":true");
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    internal static string TypeScriptCompiler()
    {
        var tsc = Path.Combine(Repository.TypeScriptFolder, "node_modules", "typescript", "bin", "tsc");
        File.Exists(tsc).Should().BeTrue($"TypeScript must be installed in {Repository.TypeScriptFolder} (the README's test command runs npm install there)");
        return tsc;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
}
