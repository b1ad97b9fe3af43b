using System.Net;
using System.Text.Json;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// Every document the sample serves (each REST version and the actions document) is clean under
/// Stoplight Spectral's <c>spectral:oas</c> ruleset, with no error and no warning, and valid for
/// swagger-parser.
/// </summary>
[Collection(BlogCollection.Name)]
public sealed class DocumentLintTests(BlogServer blog) : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("hybrid-lint-").FullName;
    private readonly List<string> _documents = [];

    public async Task InitializeAsync()
    {
        using var http = blog.CreateClient();
        var names = new List<string> { "actions" };

        // Versions are numbered from 1 without gaps; the first that is not served ends the list.
        for (var version = 1; ; version++)
        {
            using var probe = await http.GetAsync(new Uri($"/openapi/v{version}.json", UriKind.Relative));
            if (probe.StatusCode == HttpStatusCode.NotFound)
            {
                break;
            }

            names.Add($"v{version}");
        }

        names.Should().Contain("v1");
        foreach (var name in names)
        {
            var path = Path.Combine(_work, name + ".json");
            await File.WriteAllTextAsync(path, await http.GetStringAsync(new Uri($"/openapi/{name}.json", UriKind.Relative)));
            _documents.Add(path);
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_work, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Spectral_oas_ruleset_reports_no_error_and_no_warning()
    {
        var spectral = Path.Combine(Repository.TypeScriptFolder, "node_modules", ".bin", "spectral");
        File.Exists(spectral).Should().BeTrue($"Spectral must be installed in {Repository.TypeScriptFolder} (eng/install-test-prerequisites.sh)");
        var ruleset = Path.Combine(_work, "ruleset.yaml");
        await File.WriteAllTextAsync(ruleset, "extends: [\"spectral:oas\"]\n");
        var report = Path.Combine(_work, "spectral.json");

        var run = await ProcessRunner.RunAsync(
            spectral,
            ["lint", "--ruleset", ruleset, "--format", "json", "--output", report, "--fail-severity", "warn", .. _documents],
            _work);

        File.Exists(report).Should().BeTrue($"Spectral writes its report; it printed:\n{run.Output}");
        using var results = JsonDocument.Parse(await File.ReadAllTextAsync(report));

        // Spectral's severities: 0 error, 1 warning, 2 information, 3 hint.
        var findings = results.RootElement.EnumerateArray()
            .Where(r => r.GetProperty("severity").GetInt32() <= 1)
            .Select(r => $"{Path.GetFileName(r.GetProperty("source").GetString())} {r.GetProperty("code").GetString()} at {string.Join('.', r.GetProperty("path").EnumerateArray().Select(p => p.ToString()))}: {r.GetProperty("message").GetString()}")
            .ToList();
        findings.Should().BeEmpty();
        run.ShouldSucceed("spectral lint --fail-severity warn");
    }

    [Fact]
    public async Task Swagger_parser_validates_every_document()
    {
        var run = await ProcessRunner.RunAsync("node", ["validate-documents.cjs", .. _documents], Repository.TypeScriptFolder);

        run.ShouldSucceed("swagger-parser's validate");
        run.Output.Split('\n').Count(l => l.StartsWith("valid: ", StringComparison.Ordinal)).Should().Be(_documents.Count);
    }
}
