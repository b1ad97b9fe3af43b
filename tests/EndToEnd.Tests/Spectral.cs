using System.Text.Json;

namespace Hybrid.EndToEnd.Tests;

/// <summary>Stoplight Spectral's <c>spectral:oas</c> ruleset over OpenAPI documents, as installed by eng/install-test-prerequisites.sh.</summary>
internal static class Spectral
{
    /// <summary>Lints <paramref name="documents"/> and returns every error and warning, one line each (empty when clean).</summary>
    public static async Task<IReadOnlyList<string>> LintAsync(string work, IReadOnlyList<string> documents)
    {
        var spectral = Path.Combine(Repository.TypeScriptFolder, "node_modules", ".bin", "spectral");
        File.Exists(spectral).Should().BeTrue($"Spectral must be installed in {Repository.TypeScriptFolder} (eng/install-test-prerequisites.sh)");
        var ruleset = Path.Combine(work, "ruleset.yaml");
        await File.WriteAllTextAsync(ruleset, "extends: [\"spectral:oas\"]\n");
        var report = Path.Combine(work, "spectral.json");

        var run = await ProcessRunner.RunAsync(
            spectral,
            ["lint", "--ruleset", ruleset, "--format", "json", "--output", report, "--fail-severity", "warn", .. documents],
            work);

        File.Exists(report).Should().BeTrue($"Spectral writes its report; it printed:\n{run.Output}");
        using var results = JsonDocument.Parse(await File.ReadAllTextAsync(report));

        // Spectral's severities: 0 error, 1 warning, 2 information, 3 hint.
        var findings = results.RootElement.EnumerateArray()
            .Where(r => r.GetProperty("severity").GetInt32() <= 1)
            .Select(r => $"{Path.GetFileName(r.GetProperty("source").GetString())} {r.GetProperty("code").GetString()} at {string.Join('.', r.GetProperty("path").EnumerateArray().Select(p => p.ToString()))}: {r.GetProperty("message").GetString()}")
            .ToList();
        if (findings.Count == 0)
        {
            run.ShouldSucceed("spectral lint --fail-severity warn");
        }

        return findings;
    }
}
