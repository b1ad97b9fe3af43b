namespace Hybrid.Clients;

/// <summary>The tool's command line, as the MSBuild targets write it.</summary>
/// <param name="Assembly">The app's built assembly.</param>
/// <param name="Project">The project file, named in error lines.</param>
/// <param name="Generation">Where documents and clients go.</param>
/// <param name="ContractDirectory">The folder of the public documents' baselines.</param>
/// <param name="AcceptContract">Record the current public documents as the baseline.</param>
/// <param name="TimeoutSeconds">How long the app may take to reach <c>app.Run()</c>.</param>
internal sealed record ToolArguments(string Assembly, string Project, GenerationOptions Generation, string ContractDirectory, bool AcceptContract, int TimeoutSeconds)
{
    public const string Usage =
        "usage: Hybrid.Clients --assembly <app.dll> --project <app.csproj> --output <clients folder> --work <obj folder> " +
        "--nswag <dotnet-nswag.dll> --templates <folder> --contract <folder> [--accept-contract true] [--csharp true] [--csharp-namespace <ns>] [--timeout <seconds>]";

    public static ToolArguments? Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return null;
            }

            values[args[i][2..]] = args[i + 1];
        }

        string? Get(string name) => values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        if (args.Count % 2 != 0 || Get("assembly") is not { } assembly || Get("output") is not { } output || Get("work") is not { } work ||
            Get("nswag") is not { } nswag || Get("templates") is not { } templates)
        {
            return null;
        }

        var csharp = string.Equals(Get("csharp"), "true", StringComparison.OrdinalIgnoreCase);
        var generation = new GenerationOptions(Path.GetFullPath(output), Path.GetFullPath(work), Path.GetFullPath(nswag), Path.GetFullPath(templates), csharp, Get("csharp-namespace") ?? "Clients");
        return new ToolArguments(
            Path.GetFullPath(assembly),
            Get("project") ?? "Hybrid.Clients",
            generation,
            Path.GetFullPath(Get("contract") ?? Path.Combine(Path.GetDirectoryName(output) ?? ".", "contract")),
            string.Equals(Get("accept-contract"), "true", StringComparison.OrdinalIgnoreCase),
            int.TryParse(Get("timeout"), out var timeout) && timeout > 0 ? timeout : 60);
    }
}
