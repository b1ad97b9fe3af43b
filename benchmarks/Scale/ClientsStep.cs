using System.Globalization;

namespace Hybrid.Scale;

/// <summary>One generated TypeScript file and its size.</summary>
internal sealed record ClientFile(string Name, long Bytes);

/// <summary>What building the Hybrid app with Hybrid.Clients measured for one size (seconds are whole <c>dotnet build</c>s).</summary>
internal sealed record ClientsMeasure(
    double FirstBuildSeconds,
    ToolLines First,
    IReadOnlyList<double> NoChangeWithout,
    IReadOnlyList<double> NoChangeWith,
    IReadOnlyList<ToolLines> NoChangeWithTool,
    IReadOnlyList<double> CodeChangeWithout,
    IReadOnlyList<double> CodeChangeWith,
    IReadOnlyList<ToolLines> CodeChangeWithTool,
    IReadOnlyList<ClientFile> Files,
    TscMeasure? Tsc,
    string? Note);

/// <summary>
/// Builds the generated Hybrid app the way a user of Hybrid.Clients does (its props and targets,
/// switched on with <c>-p:HybridGenerateClients=true</c>) and measures what that adds: the first
/// build (documents read, NSwag, the baseline recorded), no-change and code-change rebuilds against
/// the same builds with the clients switched off, the gate comparing against the recorded baseline,
/// the TypeScript's size, and <c>tsc --strict</c> over it.
/// </summary>
internal static class ClientsStep
{
    /// <summary>The generated TypeScript, in the order the report lists it.</summary>
    public static readonly string[] TypeScriptFiles = ["types.ts", "actions.ts", "rest-v1.ts"];

    public static async Task<ClientsMeasure> RunAsync(GeneratedApps apps, int n, int runs, string? tsc, string? note)
    {
        var tag = "N=" + n.ToString(CultureInfo.InvariantCulture);
        Directory.CreateDirectory(Path.GetDirectoryName(BinaryLog(apps, "first"))!);

        // Incremental from here on: one build with the same global properties, not measured.
        Console.Error.WriteLine($"{tag}: clients: no-change build without clients (not measured)");
        await BuildAsync(apps, clients: false);

        Console.Error.WriteLine($"{tag}: clients: first build with clients (documents, NSwag, the contract baseline recorded)");
        var first = await BuildAsync(apps, clients: true, "first");
        var firstTool = await ToolLinesAsync(apps, first, "first");
        if (!firstTool.Ran || firstTool.NSwagSeconds is null)
        {
            throw new InvalidOperationException($"{tag}: the first build with clients did not run the tool and NSwag; it printed:\n{CommandResult.Tail(first.Output, 60)}");
        }

        // The next build is the first to see clients/*.json and contract/*.json as content (a user's
        // second build copies them to bin/); not measured, so the no-change builds below are no-change.
        await BuildAsync(apps, clients: true);

        var noChangeWithout = new List<double>();
        var noChangeWith = new List<double>();
        var noChangeTool = new List<ToolLines>();
        for (var r = 0; r < runs; r++)
        {
            var stamp = File.GetLastWriteTimeUtc(apps.ClientsStamp);
            var without = await BuildAsync(apps, clients: false);
            var with = await BuildAsync(apps, clients: true);
            var tool = ToolLines.Parse(with.Output);
            if (File.GetLastWriteTimeUtc(apps.ClientsStamp) != stamp)
            {
                throw new InvalidOperationException($"{tag}: a no-change build ran the clients tool; it printed:\n{CommandResult.Tail(with.Output, 60)}");
            }

            noChangeWithout.Add(without.Elapsed.TotalSeconds);
            noChangeWith.Add(with.Elapsed.TotalSeconds);
            noChangeTool.Add(tool);
            Console.Error.WriteLine(I($"{tag}: clients: no-change build {r + 1}/{runs}: without {without.Elapsed.TotalSeconds:0.00} s, with {with.Elapsed.TotalSeconds:0.00} s (target {tool.TargetMs:0} ms)"));
        }

        // A change to code but to no operation: the tool runs (the assembly changed), reads the same
        // documents, skips NSwag, and the gate compares them with the baseline the first build recorded.
        var codeChangeWithout = new List<double>();
        var codeChangeWith = new List<double>();
        var codeChangeTool = new List<ToolLines>();
        for (var r = 0; r < runs; r++)
        {
            await ChangeCodeAsync(apps, "without clients", r);
            var without = await BuildAsync(apps, clients: false, I($"code-change-without-{r}"));
            await ChangeCodeAsync(apps, "with clients", r);
            var with = await BuildAsync(apps, clients: true, I($"code-change-with-{r}"));
            var tool = await ToolLinesAsync(apps, with, I($"code-change-with-{r}"));
            if (!tool.Ran || !tool.ClientsCurrent || tool.Breaks is not 0)
            {
                throw new InvalidOperationException($"{tag}: a code change should run the tool, find the documents unchanged and no break; it printed:\n{CommandResult.Tail(with.Output, 60)}");
            }

            codeChangeWithout.Add(without.Elapsed.TotalSeconds);
            codeChangeWith.Add(with.Elapsed.TotalSeconds);
            codeChangeTool.Add(tool);
            Console.Error.WriteLine(I($"{tag}: clients: code-change build {r + 1}/{runs}: without {without.Elapsed.TotalSeconds:0.00} s, with {with.Elapsed.TotalSeconds:0.00} s (read {tool.ReadMs:0} ms, contract compared in {tool.ContractMs:0} ms)"));
        }

        var files = TypeScriptFiles.Select(f => new ClientFile(f, new FileInfo(Path.Combine(apps.ClientsFolder, f)).Length)).ToList();
        TscMeasure? compiled = null;
        if (tsc is not null)
        {
            Console.Error.WriteLine($"{tag}: clients: tsc --strict --noEmit over {string.Join(", ", TypeScriptFiles)}");
            compiled = await TypeScriptCompiler.CheckAsync(tsc, apps.Root, TypeScriptFiles.Select(f => Path.GetRelativePath(apps.Root, Path.Combine(apps.ClientsFolder, f))).ToList());
        }

        return new ClientsMeasure(first.Elapsed.TotalSeconds, firstTool, noChangeWithout, noChangeWith, noChangeTool,
            codeChangeWithout, codeChangeWith, codeChangeTool, files, compiled, note);
    }

    /// <summary>
    /// Every build of this step: Release, incremental, at dotnet's default (minimal) verbosity with
    /// MSBuild's per-target times. The tool logs its lines at low importance, which only a detailed log
    /// shows; a detailed console log would slow the build it measures (3 MB of text at N = 10), so the
    /// builds whose lines are read also write a binary log (<paramref name="log"/>), read afterwards;
    /// both builds of a pair that is compared do.
    /// </summary>
    private static async Task<CommandResult> BuildAsync(GeneratedApps apps, bool clients, string? log = null)
    {
        List<string> arguments = ["build", apps.HybridProject, "-c", "Release", "--nologo", "-v", "m", "-nodeReuse:false", "-clp:PerformanceSummary", "-p:HybridGenerateClients=" + (clients ? "true" : "false")];
        if (log is not null)
        {
            arguments.Add("-bl:" + BinaryLog(apps, log));
        }

        return (await Command.RunAsync("dotnet", arguments, apps.Root, TimeSpan.FromMinutes(20)))
            .ShouldSucceed($"dotnet build of the Hybrid app with HybridGenerateClients={clients}");
    }

    /// <summary>The tool's lines from a build's binary log, replayed at detailed verbosity; MSBuild's target times from the build's own output.</summary>
    private static async Task<ToolLines> ToolLinesAsync(GeneratedApps apps, CommandResult build, string log)
    {
        var replay = (await Command.RunAsync("dotnet", ["msbuild", BinaryLog(apps, log), "-v", "d", "-nologo"], apps.Root, TimeSpan.FromMinutes(5)))
            .ShouldSucceed("replaying the binary log " + log);
        var lines = string.Join('\n', replay.Output.Split('\n').Where(l => l.Contains("Hybrid.Clients: ", StringComparison.Ordinal)));
        return ToolLines.Parse(lines + "\n" + build.Output);
    }

    private static string BinaryLog(GeneratedApps apps, string name) => Path.Combine(apps.Root, "logs", name + ".binlog");

    /// <summary>A comment appended to Program.cs: the assembly is rebuilt, no operation changes.</summary>
    private static Task ChangeCodeAsync(GeneratedApps apps, string build, int run) =>
        File.AppendAllTextAsync(Path.Combine(Path.GetDirectoryName(apps.HybridProject)!, "Program.cs"), I($"// a code change before the code-change build {run + 1} {build}\n"));

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
