namespace Hybrid.Clients;

/// <summary>The tool's entry point: the MSBuild targets in build/ run it after the app's build.</summary>
internal static class Program
{
    public static int Main(string[] args) => args.Length == 0 ? 2 : 0;
}
