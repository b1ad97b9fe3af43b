using System.Xml.Linq;

namespace Hybrid.Scale;

/// <summary>Where things are, found at run time: the checkout, Hybrid.Clients' build files, the TypeScript compiler.</summary>
internal static class Repository
{
    /// <summary>The checkout: HYBRID_ROOT if set (scale.sh sets it from its own location), else the folder above this program holding Hybrid.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string ActionsProject => Path.Combine(Root, "src", "Actions", "Hybrid.Actions.csproj");

    public static string HttpProject => Path.Combine(Root, "src", "Http", "Hybrid.Http.csproj");

    public static string CoreProject => Path.Combine(Root, "src", "Core", "Hybrid.Core.csproj");

    /// <summary>Hybrid.Clients from source, as samples/Blog uses it: the project (built for its tool), its MSBuild files and templates.</summary>
    public static string ClientsProject => Path.Combine(Root, "src", "Clients", "Hybrid.Clients.csproj");

    public static string ClientsBuild => Path.Combine(Root, "src", "Clients", "build");

    public static string ClientsTemplates => Path.Combine(Root, "src", "Clients", "templates");

    public static string TypeScriptFolder => Path.Combine(Root, "tests", "EndToEnd.Tests", "ts");

    public static string TypeScriptCompiler => Path.Combine(TypeScriptFolder, "node_modules", "typescript", "bin", "tsc");

    /// <summary>
    /// The version of NSwag.MSBuild the repository pins in Directory.Packages.props: the generated app
    /// references it as the Blog does (the package Hybrid.Clients brings it as a dependency).
    /// </summary>
    public static string PinnedNSwagVersion()
    {
        var props = Path.Combine(Root, "Directory.Packages.props");
        return (File.Exists(props)
                ? XDocument.Load(props).Descendants("PackageVersion")
                    .FirstOrDefault(e => string.Equals((string?)e.Attribute("Include"), "NSwag.MSBuild", StringComparison.OrdinalIgnoreCase))
                    ?.Attribute("Version")?.Value
                : null)
            ?? throw new InvalidOperationException(props + " pins no NSwag.MSBuild version");
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
