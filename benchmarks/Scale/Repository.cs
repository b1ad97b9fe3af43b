using System.Xml.Linq;

namespace Hybrid.Scale;

/// <summary>Where things are, found at run time: the checkout, NSwag's generator, the TypeScript compiler.</summary>
internal static class Repository
{
    /// <summary>The checkout: HYBRID_ROOT if set (scale.sh sets it from its own location), else the folder above this program holding Hybrid.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string ActionsProject => Path.Combine(Root, "src", "Actions", "Hybrid.Actions.csproj");

    public static string HttpProject => Path.Combine(Root, "src", "Http", "Hybrid.Http.csproj");

    public static string CoreProject => Path.Combine(Root, "src", "Core", "Hybrid.Core.csproj");

    public static string ClientsFolder => Path.Combine(Root, "samples", "Blog", "clients");

    public static string TypeScriptFolder => Path.Combine(Root, "tests", "EndToEnd.Tests", "ts");

    public static string TypeScriptCompiler => Path.Combine(TypeScriptFolder, "node_modules", "typescript", "bin", "tsc");

    /// <summary>The version of NSwag.MSBuild the repository pins in Directory.Packages.props (null if it pins none).</summary>
    public static string? PinnedNSwagVersion()
    {
        var props = Path.Combine(Root, "Directory.Packages.props");
        if (!File.Exists(props))
        {
            return null;
        }

        return XDocument.Load(props).Descendants("PackageVersion")
            .FirstOrDefault(e => string.Equals((string?)e.Attribute("Include"), "NSwag.MSBuild", StringComparison.OrdinalIgnoreCase))
            ?.Attribute("Version")?.Value;
    }

    /// <summary>
    /// NSwag's generator as tests/EndToEnd.Tests finds it: NSwag.MSBuild's tools/Net100/dotnet-nswag.dll in
    /// the NuGet packages folder, at the pinned version (else the newest one there); null if absent.
    /// </summary>
    public static string? FindNSwagDll()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(packages))
        {
            packages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }

        var package = Path.Combine(packages, "nswag.msbuild");
        if (!Directory.Exists(package))
        {
            return null;
        }

        var pinned = PinnedNSwagVersion();
        var candidates = pinned is not null
            ? [Path.Combine(package, pinned.ToLowerInvariant())]
            : Directory.GetDirectories(package).OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0)).ToArray();
        return candidates.Select(d => Path.Combine(d, "tools", "Net100", "dotnet-nswag.dll")).FirstOrDefault(File.Exists);
    }

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("HYBRID_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            if (!File.Exists(Path.Combine(fromEnvironment, "Hybrid.sln")))
            {
                throw new InvalidOperationException($"HYBRID_ROOT={fromEnvironment} holds no Hybrid.sln");
            }

            return Path.GetFullPath(fromEnvironment);
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Hybrid.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Hybrid.sln not found above " + AppContext.BaseDirectory + "; set HYBRID_ROOT");
    }
}
