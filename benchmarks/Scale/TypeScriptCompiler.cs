namespace Hybrid.Scale;

/// <summary><c>tsc --strict --noEmit</c> over the generated clients: wall time, peak memory, and its errors when it failed.</summary>
internal sealed record TscMeasure(double Seconds, double? PeakMb, int ExitCode, string? Errors);

/// <summary>The TypeScript compiler the end-to-end tests install (tests/EndToEnd.Tests/ts), run over generated clients.</summary>
internal static class TypeScriptCompiler
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    /// <summary>Finds tsc, installing it the way the tests do when it is missing; null (and why) when that fails.</summary>
    public static async Task<(string? Tsc, string? Note)> FindAsync()
    {
        var tsc = Repository.TypeScriptCompiler;
        if (File.Exists(tsc))
        {
            return (tsc, null);
        }

        Console.Error.WriteLine("TypeScript is not installed in tests/EndToEnd.Tests/ts: running eng/install-test-prerequisites.sh");
        await Command.RunAsync("bash", [Path.Combine(Repository.Root, "eng", "install-test-prerequisites.sh")], Repository.Root, TimeSpan.FromMinutes(15));
        return File.Exists(tsc) ? (tsc, null) : (null, "TypeScript (tests/EndToEnd.Tests/ts/node_modules) could not be installed: tsc skipped");
    }

    /// <summary>Compiles <paramref name="files"/> (paths relative to <paramref name="folder"/>) with a tsconfig written into that folder.</summary>
    public static async Task<TscMeasure> CheckAsync(string tsc, string folder, IReadOnlyList<string> files)
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "tsconfig.json"), $$"""
            {
              "compilerOptions": {
                "target": "ES2022",
                "lib": ["ES2022", "DOM", "DOM.Iterable"],
                "module": "commonjs",
                "moduleResolution": "node10",
                "types": [],
                "strict": true,
                "skipLibCheck": true,
                "noEmit": true
              },
              "files": [{{string.Join(", ", files.Select(f => "\"" + f + "\""))}}]
            }

            """);
        var compile = await Command.RunAsync("node", [tsc, "-p", "tsconfig.json", "--strict", "--noEmit"], folder, Limit, measureMemory: true);
        var errors = compile.ExitCode == 0 ? null : CommandResult.Tail(compile.Output, 20);
        if (errors is not null)
        {
            Console.Error.WriteLine("tsc --strict --noEmit failed on the generated clients:\n" + errors);
        }

        return new TscMeasure(compile.Elapsed.TotalSeconds, compile.PeakMb, compile.ExitCode, errors);
    }
}
