using System.Reflection;

namespace Hybrid.EndToEnd.Tests;

/// <summary>Where things are: the checkout, the build configuration, the sample and the TypeScript tools.</summary>
internal static class Repository
{
    public static string Root => Hybrid.Testing.RepositoryRoot.Path;

    public static string Configuration { get; } = Metadata("Configuration");

    public static string BlogProject => Path.Combine(Root, "samples", "Blog");

    public static string ClientsFolder => Path.Combine(BlogProject, "clients");

    public static string TypeScriptFolder => Path.Combine(Root, "tests", "EndToEnd.Tests", "ts");

    public static string Chromium => Environment.GetEnvironmentVariable("HYBRID_CHROMIUM") ?? "/usr/bin/chromium";

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
