namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// The committed documents and NSwag-generated TypeScript clients of the sample: they match what
/// the running sample serves (set HYBRID_UPDATE_CLIENTS=1 to rewrite them instead), compile under
/// <c>tsc --strict</c>, and work under Node against the live server.
/// </summary>
[Collection(BlogCollection.Name)]
public sealed class GeneratedClientTests(BlogServer blog)
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("HYBRID_UPDATE_CLIENTS") == "1";

    public static TheoryData<string, string, string> Clients => new()
    {
        { "actions", "actions.nswag", "actions.ts" },
        { "v1", "rest-v1.nswag", "rest-v1.ts" },
        { "v2", "rest-v2.nswag", "rest-v2.ts" },
    };

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task The_committed_document_and_client_match_what_the_sample_serves(string document, string config, string client)
    {
        using var http = blog.CreateClient();
        var served = await http.GetStringAsync(new Uri($"/openapi/{document}.json", UriKind.Relative));
        var work = Directory.CreateTempSubdirectory("hybrid-clients-").FullName;
        try
        {
            var input = Path.Combine(work, document + ".json");
            var output = Path.Combine(work, client);
            await File.WriteAllTextAsync(input, served);
            (await ProcessRunner.RunAsync(
                "dotnet",
                [Repository.NSwagDll, "run", Path.Combine(Repository.ClientsFolder, config), $"/variables:Input={input},Output={output}"],
                Repository.ClientsFolder)).ShouldSucceed("NSwag's TypeScript generator");
            var generated = await File.ReadAllTextAsync(output);

            var committedDocument = Path.Combine(Repository.ClientsFolder, document + ".json");
            var committedClient = Path.Combine(Repository.ClientsFolder, client);
            if (Update)
            {
                await File.WriteAllTextAsync(committedDocument, served);
                await File.WriteAllTextAsync(committedClient, generated);
                return;
            }

            const string fix = "; the contract changed: run eng/generate-clients.sh, review the diff and commit it";
            Normalize(await File.ReadAllTextAsync(committedDocument)).Should().Be(Normalize(served), committedDocument + " is stale" + fix);
            Normalize(await File.ReadAllTextAsync(committedClient)).Should().Be(Normalize(generated), committedClient + " is stale" + fix);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task The_generated_clients_compile_under_tsc_strict()
    {
        var result = await ProcessRunner.RunAsync("node", [TypeScriptCompiler(), "-p", "tsconfig.json", "--strict", "--noEmit"], Repository.TypeScriptFolder);
        result.ShouldSucceed("tsc --strict --noEmit over actions.ts, rest-v1.ts, rest-v2.ts and the Node script");
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

    private static string TypeScriptCompiler()
    {
        var tsc = Path.Combine(Repository.TypeScriptFolder, "node_modules", "typescript", "bin", "tsc");
        File.Exists(tsc).Should().BeTrue($"TypeScript must be installed in {Repository.TypeScriptFolder} (the README's test command runs npm install there)");
        return tsc;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
}
