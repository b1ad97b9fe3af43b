using System.Net;

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
    public async Task Spectral_oas_ruleset_reports_no_error_and_no_warning() =>
        (await Spectral.LintAsync(_work, _documents)).Should().BeEmpty();

    [Fact]
    public async Task Swagger_parser_validates_every_document()
    {
        var run = await ProcessRunner.RunAsync("node", ["validate-documents.cjs", .. _documents], Repository.TypeScriptFolder);

        run.ShouldSucceed("swagger-parser's validate");
        run.Output.Split('\n').Count(l => l.StartsWith("valid: ", StringComparison.Ordinal)).Should().Be(_documents.Count);
    }
}
