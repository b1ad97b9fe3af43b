using System.Globalization;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// The repository's packages as a user gets them: packed into a temporary feed under a version of the run's
/// own, and a folder beside it whose apps restore from that feed and the machine's own package sources,
/// outside the repository's build settings.
/// </summary>
internal static class LocalPackages
{
    /// <summary>A version no earlier run packed, so restore can only take this run's packages.</summary>
    public static string NewVersion() => "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

    /// <summary>Packs every package of the solution, as built in this configuration, into <paramref name="feed"/>.</summary>
    public static Task<ProcessRunner.Result> PackAsync(string feed, string version) =>
        ProcessRunner.RunAsync("dotnet", ["pack", "Hybrid.sln", "-c", Repository.Configuration, "--no-build", "--nologo", "-o", feed, "-p:Version=" + version], Repository.Root, Cli(), TimeSpan.FromMinutes(4));

    /// <summary>
    /// Stops MSBuild's search for Directory.Build.props and central package versions above <paramref name="folder"/>,
    /// and adds <paramref name="feed"/> (relative to the folder, or absolute) to the machine's own package sources:
    /// no <c>&lt;clear/&gt;</c>, so they still serve MediatR, NSwag and the rest.
    /// </summary>
    public static void WriteOutsideRepository(string folder, string feed)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="hybrid-packed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
    }

    /// <summary>The environment of every <c>dotnet</c> command a test runs: no telemetry, no banner.</summary>
    public static Dictionary<string, string> Cli() => new() { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };
}
