using System.Globalization;
using System.Text.Json;
using Hybrid.Scale;

// The cold-start scale benchmark: `bash benchmarks/scale.sh [N ...]` (default 10 100 1000).
// For each N it generates an app with N Hybrid operations on both doors and a hand-mapped baseline
// with the same types and the same 2N endpoints (REST route + JSON action POST) into a temporary folder, builds both in Release, starts each as a fresh process RUNS times
// (alternating), measures first response, memory, first calls, the documents' cold build, then builds
// the Hybrid app again with Hybrid.Clients switched on (first build, no-change and code-change
// rebuilds against the same builds without it, the gate), sizes the TypeScript clients it generated,
// runs tsc over them, and prints markdown.
// Environment: RUNS (default 3), WARMUP (unmeasured starts per app and N, default 1), OUT (also write
// the markdown there, and the raw results next to it as .json), MERGE (earlier .json results to
// include in the summary, comma-separated), KEEP=1 (keep the generated folder).
var sizes = new List<int>();
foreach (var arg in args)
{
    if (!int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 2 || n > 20_000)
    {
        Console.Error.WriteLine($"usage: scale.sh [N ...]   (each N an operation count from 2 to 20000; got '{arg}')");
        return 2;
    }

    sizes.Add(n);
}

if (sizes.Count == 0)
{
    sizes.AddRange([10, 100, 1000]);
}

var runs = IntFromEnvironment("RUNS", 3, 1, 50);
var warmups = IntFromEnvironment("WARMUP", 1, 0, 10);
var outPath = Environment.GetEnvironmentVariable("OUT");
var keep = Environment.GetEnvironmentVariable("KEEP") == "1";
if (runs is null || warmups is null)
{
    return 2;
}

var work = Directory.CreateTempSubdirectory("hybrid-scale-").FullName;
if (Path.GetFullPath(work).StartsWith(Repository.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
{
    Console.Error.WriteLine($"the temporary folder {work} is inside the repository; set TMPDIR elsewhere");
    return 2;
}

var failed = false;
try
{
    var environment = await MachineInfo.DescribeAsync();
    Console.Error.WriteLine($"scale: N = {string.Join(' ', sizes)}, RUNS={runs}, WARMUP={warmups}, work folder {work}");
    AppGenerator.WriteIsolation(work);

    // The referenced src projects once, so each size's build time is the generated app's own.
    Console.Error.WriteLine("building src/Actions, src/Http and src/Clients (Release)");
    foreach (var project in (string[])[Repository.ActionsProject, Repository.HttpProject, Repository.ClientsProject])
    {
        (await Build(project, Repository.Root)).ShouldSucceed("dotnet build " + project);
    }

    var (tsc, tscNote) = await TypeScriptCompiler.FindAsync();
    await AppRun.WarmClientAsync();

    var results = new List<SizeResult>();
    foreach (var n in sizes)
    {
        var folder = Path.Combine(work, "n" + n.ToString(CultureInfo.InvariantCulture));
        Console.Error.WriteLine($"N={n}: generating into {folder}");
        var apps = AppGenerator.Generate(folder, n);

        Console.Error.WriteLine($"N={n}: dotnet build -c Release (Hybrid app)");
        var hybridBuild = (await Build(apps.HybridProject, folder)).ShouldSucceed($"building the Hybrid app with {n} operations");
        Console.Error.WriteLine($"N={n}: dotnet build -c Release (baseline)");
        var baselineBuild = (await Build(apps.BaselineProject, folder)).ShouldSucceed($"building the baseline with {n} operations");

        for (var w = 0; w < warmups; w++)
        {
            Console.Error.WriteLine($"N={n}: warm-up start {w + 1} of each app (not measured)");
            await AppRun.MeasureAsync("Hybrid", apps.HybridDll, isHybrid: true);
            await AppRun.MeasureAsync("baseline", apps.BaselineDll, isHybrid: false);
        }

        var hybridRuns = new List<RunMeasure>();
        var baselineRuns = new List<RunMeasure>();
        for (var r = 0; r < runs; r++)
        {
            // Alternate which app starts first, so neither always follows the other.
            foreach (var hybrid in r % 2 == 0 ? (bool[])[true, false] : [false, true])
            {
                var measure = hybrid
                    ? await AppRun.MeasureAsync("Hybrid", apps.HybridDll, isHybrid: true)
                    : await AppRun.MeasureAsync("baseline", apps.BaselineDll, isHybrid: false);
                (hybrid ? hybridRuns : baselineRuns).Add(measure);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"N={n}: run {r + 1}/{runs} {measure.App}: first response {measure.FirstResponseMs:0} ms, RSS {measure.RssStartMb:0.0} MB"));
            }
        }

        var clients = await ClientsStep.RunAsync(apps, n, runs.Value, tsc, tscNote);
        var result = new SizeResult(n, runs.Value, hybridBuild.Elapsed.TotalSeconds, baselineBuild.Elapsed.TotalSeconds, hybridRuns, baselineRuns, clients);
        results.Add(result);
        Console.WriteLine(Report.Size(result));
    }

    var merged = new List<SizeResult>(results);
    foreach (var earlier in (Environment.GetEnvironmentVariable("MERGE") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
    {
        merged.AddRange(JsonSerializer.Deserialize<List<SizeResult>>(await File.ReadAllTextAsync(earlier)) ?? []);
    }

    var summary = Report.Summary(merged.OrderBy(r => r.N).ToList(), environment, await MachineInfo.LoadAverageAsync());
    Console.WriteLine(summary);
    if (!string.IsNullOrEmpty(outPath))
    {
        var markdown = string.Join("\n", results.Select(Report.Size)) + "\n" + summary;
        await File.WriteAllTextAsync(outPath, markdown);
        var json = Path.ChangeExtension(outPath, ".json");
        await File.WriteAllTextAsync(json, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
        Console.Error.WriteLine($"wrote {outPath} and {json}");
    }
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or HttpRequestException or TaskCanceledException)
{
    failed = true;
    Console.Error.WriteLine("scale: " + e.Message);
}
finally
{
    if (keep || failed)
    {
        Console.Error.WriteLine($"generated apps kept in {work}");
    }
    else
    {
        Directory.Delete(work, recursive: true);
    }
}

return failed ? 1 : 0;

static Task<CommandResult> Build(string project, string workingDirectory) =>
    Command.RunAsync("dotnet", ["build", project, "-c", "Release", "--nologo", "-v", "quiet", "-nodeReuse:false"], workingDirectory, TimeSpan.FromMinutes(20));

static int? IntFromEnvironment(string name, int fallback, int min, int max)
{
    var text = Environment.GetEnvironmentVariable(name);
    if (string.IsNullOrEmpty(text))
    {
        return fallback;
    }

    if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
    {
        return value;
    }

    Console.Error.WriteLine($"{name} must be a whole number from {min} to {max}; got '{text}'");
    return null;
}
