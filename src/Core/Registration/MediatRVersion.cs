using System.Reflection;

namespace Hybrid;

/// <summary>
/// Hybrid is built and tested on MediatR 12. A restore can still bring another major line (an app that
/// references MediatR 13 or later wins over Hybrid's range with only a warning), and a method that
/// touches a type the other line changed would fail with a TypeLoadException from deep inside
/// registration. The version is read here, through reflection on the loaded assembly only, before any
/// MediatR type is touched, so such an app stops with HYB095 instead.
/// </summary>
internal static class MediatRVersion
{
    /// <summary>The major line Hybrid runs on.</summary>
    public const int SupportedMajor = 12;

    /// <summary>The version Hybrid is tested with, named in the fix.</summary>
    public const string Tested = "12.4.1";

    /// <summary>The problem with the loaded MediatR, or null when it is one Hybrid runs on.</summary>
    public static HybridConfigurationError? Check() => Check(LoadedAssembly());

    public static HybridConfigurationError? Check(Assembly? mediatr)
    {
        if (mediatr is null)
        {
            return new("HYB095", $"MediatR could not be loaded; Hybrid runs on MediatR {SupportedMajor}.x (tested with {Tested}). Fix: reference the MediatR package, version {Tested}, from the app.");
        }

        var version = mediatr.GetName().Version;
        if (version?.Major == SupportedMajor)
        {
            return null;
        }

        var loaded = mediatr.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? version?.ToString() ?? "unknown";
        return new("HYB095", $"This app loads MediatR {loaded}, but Hybrid runs on MediatR {SupportedMajor}.x (tested with {Tested}). " +
            $"Fix: reference MediatR {Tested} from the app (<PackageReference Include=\"MediatR\" Version=\"{Tested}\" />); " +
            "MediatR 13 and later are a commercial line that Hybrid does not support.");
    }

    private static Assembly? LoadedAssembly()
    {
        try
        {
            return Assembly.Load(new AssemblyName("MediatR"));
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return null;
        }
    }
}
