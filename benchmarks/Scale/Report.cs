using System.Globalization;
using System.Text;

namespace Hybrid.Scale;

/// <summary>The markdown: one table per operation count, then a summary across them.</summary>
internal static class Report
{
    internal const string Dash = "–";

    private static readonly (string Key, string Label)[] PhaseRows =
    [
        ("spawnToMain", "spawn → Main (muxer, runtime, host; counters: all before Main)"),
        ("createBuilder", "`WebApplication.CreateBuilder`"),
        ("addHybrid", "`AddHybrid` (handler scan)"),
        ("build", "`builder.Build()`"),
        ("catalog", "operation catalog build (resolved before mapping)"),
        ("mapHybridActions", "`MapHybridActions`"),
        ("mapHybridRest", "`MapHybridRest`"),
        ("mapBaseline", "hand mapping (`MapGet`/`MapPost` × N)"),
        ("runToStarted", "`app.Run` → started (Kestrel listening)"),
    ];

    public static string Size(SizeResult r)
    {
        var gets = Enumerable.Range(0, r.N).Count(AppGenerator.IsGet);
        var s = new StringBuilder();
        s.Append(I($"### N = {r.N} ({gets} GET + {r.N - gets} POST operations; median of {r.Runs} run(s) per app)\n\n"));
        s.Append(I($"Release builds: Hybrid app {r.HybridBuildSeconds:0.0} s, baseline {r.BaselineBuildSeconds:0.0} s.\n\n"));
        s.Append("| measure | Hybrid | baseline | Hybrid / baseline |\n|---|---:|---:|---:|\n");

        var hFirst = Median(r.Hybrid, m => m.FirstResponseMs);
        var bFirst = Median(r.Baseline, m => m.FirstResponseMs);
        Row(s, "process start → first response (ms; phases below)", hFirst, bFirst);
        Row(s, "first GET, send → body (ms)", Median(r.Hybrid, m => m.FirstGet.Ms), Median(r.Baseline, m => m.FirstGet.Ms));
        Row(s, "RSS after start (MB)", Median(r.Hybrid, m => m.RssStartMb), Median(r.Baseline, m => m.RssStartMb));
        s.Append(I($"| first POST (`/api/v1/things1` · `/baseline/things1`) (ms) [status] | {Ms(Median(r.Hybrid, m => m.FirstPost.Ms))} [{Statuses(r.Hybrid, m => m.FirstPost)}] | {Ms(Median(r.Baseline, m => m.FirstPost.Ms))} [{Statuses(r.Baseline, m => m.FirstPost)}] | {Ratio(Median(r.Hybrid, m => m.FirstPost.Ms), Median(r.Baseline, m => m.FirstPost.Ms))} |\n"));
        s.Append(I($"| first action `POST /_actions/CreateThing1`, no antiforgery token (ms) [status] | {Ms(Median(r.Hybrid, m => m.FirstAction?.Ms))} [{Statuses(r.Hybrid, m => m.FirstAction)}] | {Dash} | |\n"));
        s.Append(I($"| `/openapi/v1.json` cold (ms / KB) | {Ms(Median(r.Hybrid, m => m.RestDocument?.Ms))} / {Kb(Median(r.Hybrid, m => m.RestDocument?.Bytes))}{NotOk(r.Hybrid, m => m.RestDocument)} | {Dash} | |\n"));
        s.Append(I($"| `/openapi/actions.json` cold (ms / KB) | {Ms(Median(r.Hybrid, m => m.ActionsDocument?.Ms))} / {Kb(Median(r.Hybrid, m => m.ActionsDocument?.Bytes))}{NotOk(r.Hybrid, m => m.ActionsDocument)} | {Dash} | |\n"));
        s.Append(I($"| RSS after both documents (MB, × after start) | {Mb(Median(r.Hybrid, m => m.RssAfterDocumentsMb))} (× {Median(r.Hybrid, m => m.RssAfterDocumentsMb / m.RssStartMb):0.00}) | {Dash} | |\n"));
        Row(s, "peak RSS, VmHWM, at the end (MB)", Median(r.Hybrid, m => m.PeakRssMb), Median(r.Baseline, m => m.PeakRssMb));

        s.Append("\nStart-up phases (ms: wall time, printed by each app; JIT ms and methods: `JitInfo`, all threads; MB: `GC.GetTotalAllocatedBytes`):\n\n");
        s.Append("| phase | Hybrid ms | JIT ms | methods JIT'd | MB allocated | baseline ms | JIT ms | methods JIT'd | MB allocated |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var (key, label) in PhaseRows)
        {
            var h = MedianPhase(r.Hybrid, key);
            var b = MedianPhase(r.Baseline, key);
            if (h is not null || b is not null)
            {
                s.Append(I($"| {label} | {Ms(h)} | {Counters(r.Hybrid, key)} | {Ms(b)} | {Counters(r.Baseline, key)} |\n"));
            }
        }

        s.Append(I($"| started → first response (the first request: routing's matcher, JIT, JSON) | {Ms(Remainder(r.Hybrid))} | | | | {Ms(Remainder(r.Baseline))} | | | |\n"));
        s.Append(I($"| **process start → first response** | **{Ms(hFirst)}** | | | | **{Ms(bFirst)}** | | | |\n"));

        s.Append('\n');
        s.Append(ClientsReport.Size(r));
        return s.ToString();
    }

    public static string Summary(IReadOnlyList<SizeResult> results, string environment, string loadAtEnd)
    {
        var s = new StringBuilder();
        s.Append("## Summary (medians)\n\n");
        s.Append(environment).Append(I($"; at the end {loadAtEnd}.\n\n"));
        s.Append("| N | Hybrid first response (ms) | baseline (ms) | ratio | Hybrid RSS (MB) | baseline RSS (MB) | ratio | Hybrid ms / op | Hybrid − baseline, ms / op | catalog + MapHybridActions + MapHybridRest (ms) | v1.json cold (ms / KB) | actions.json cold (ms / KB) | RSS after docs / after start |\n");
        s.Append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var r in results)
        {
            var h = Median(r.Hybrid, m => m.FirstResponseMs);
            var b = Median(r.Baseline, m => m.FirstResponseMs);
            var hRss = Median(r.Hybrid, m => m.RssStartMb);
            var bRss = Median(r.Baseline, m => m.RssStartMb);
            s.Append(I($"| {r.N} | {Ms(h)} | {Ms(b)} | {Ratio(h, b)} | {Mb(hRss)} | {Mb(bRss)} | {Ratio(hRss, bRss)} | {h / r.N:0.00} | {(h - b) / r.N:0.00} | {Ms(MapPhases(r))} | {Ms(Median(r.Hybrid, m => m.RestDocument?.Ms))} / {Kb(Median(r.Hybrid, m => m.RestDocument?.Bytes))} | {Ms(Median(r.Hybrid, m => m.ActionsDocument?.Ms))} / {Kb(Median(r.Hybrid, m => m.ActionsDocument?.Bytes))} | {Median(r.Hybrid, m => m.RssAfterDocumentsMb / m.RssStartMb):0.00} |\n"));
        }

        if (results.Count > 1)
        {
            s.Append("\nGrowth between sizes (Δ of medians; per added operation):\n\n");
            s.Append("| from → to | Hybrid first response | baseline first response | Hybrid RSS | baseline RSS | catalog + MapHybridActions + MapHybridRest | v1.json + actions.json cold |\n");
            s.Append("|---|---:|---:|---:|---:|---:|---:|\n");
            for (var i = 1; i < results.Count; i++)
            {
                var a = results[i - 1];
                var z = results[i];
                var ops = z.N - a.N;
                if (ops <= 0)
                {
                    continue;
                }

                s.Append(I($"| {a.N} → {z.N} | {Growth(Median(a.Hybrid, m => m.FirstResponseMs), Median(z.Hybrid, m => m.FirstResponseMs), ops, "ms")} | {Growth(Median(a.Baseline, m => m.FirstResponseMs), Median(z.Baseline, m => m.FirstResponseMs), ops, "ms")} | {Growth(Median(a.Hybrid, m => m.RssStartMb), Median(z.Hybrid, m => m.RssStartMb), ops, "MB")} | {Growth(Median(a.Baseline, m => m.RssStartMb), Median(z.Baseline, m => m.RssStartMb), ops, "MB")} | {Growth(MapPhases(a), MapPhases(z), ops, "ms")} | {Growth(Documents(a), Documents(z), ops, "ms")} |\n"));
            }
        }

        s.Append("\nFirst response: from just before `Process.Start(\"dotnet\", app.dll)` to the first HTTP response of `GET /api/v1/things0/1` (Hybrid) or `GET /baseline/things0/1` (baseline), polled every 3 ms on 127.0.0.1. ");
        s.Append("RSS: VmRSS of /proc/{pid}/status right after that response (and, for Hybrid, after both documents were first served). ");
        s.Append("The action door answers the token-less action POST with its antiforgery refusal; its time is still the first trip through that door. ");
        s.Append("The baseline serialises with a source-generated `JsonSerializerContext` (its `JsonTypeInfo`s); Hybrid with the app's reflection-based JSON options. ");
        s.Append("Both apps: Microsoft.NET.Sdk.Web defaults (server GC, tiered JIT, no ReadyToRun for the app), logging at Warning.\n\n");
        s.Append(ClientsReport.Summary(results));
        return s.ToString();
    }

    private static double? MapPhases(SizeResult r)
    {
        var a = MedianPhase(r.Hybrid, "mapHybridActions");
        var b = MedianPhase(r.Hybrid, "mapHybridRest");
        return a is null || b is null ? null : a + b + (MedianPhase(r.Hybrid, "catalog") ?? 0);
    }

    private static double? Documents(SizeResult r)
    {
        var a = Median(r.Hybrid, m => m.RestDocument?.Ms);
        var b = Median(r.Hybrid, m => m.ActionsDocument?.Ms);
        return a is null || b is null ? null : a + b;
    }

    private static string Growth(double? from, double? to, int operations, string unit)
    {
        if (from is not { } a || to is not { } z)
        {
            return Dash;
        }

        var perOp = (z - a) / operations;
        var perOpText = unit == "MB" ? I($"{perOp * 1024:0.0} KB/op") : I($"{perOp:0.000} {unit}/op");
        return I($"{z - a:+0.0;-0.0} {unit} ({perOpText}, × {(a == 0 ? double.NaN : z / a):0.00})");
    }

    private static double? Remainder(IReadOnlyList<RunMeasure> runs)
    {
        var values = runs
            .Where(m => m.Phases.ContainsKey("spawnToMain"))
            .Select(m => m.FirstResponseMs - m.Phases.Values.Sum())
            .ToList();
        return values.Count == 0 ? null : Median(values);
    }

    private static string Counters(IReadOnlyList<RunMeasure> runs, string key)
    {
        var counted = runs.Where(m => m.Counters.ContainsKey(key)).Select(m => m.Counters[key]).ToList();
        if (counted.Count == 0)
        {
            return I($"{Dash} | {Dash} | {Dash}");
        }

        return I($"{Ms(Median(counted.Select(c => c.JitMs).ToList()))} | {Median(counted.Select(c => c.JitMethods).ToList()):0} | {Median(counted.Select(c => c.AllocatedMb).ToList()):0.0}");
    }

    private static double? MedianPhase(IReadOnlyList<RunMeasure> runs, string key)
    {
        var values = runs.Where(m => m.Phases.ContainsKey(key)).Select(m => m.Phases[key]).ToList();
        return values.Count == 0 ? null : Median(values);
    }

    private static double? Median(IReadOnlyList<RunMeasure> runs, Func<RunMeasure, double?> value)
    {
        var values = runs.Select(value).Where(v => v is not null).Select(v => v!.Value).ToList();
        return values.Count == 0 ? null : Median(values);
    }

    internal static double Median(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static string Statuses(IReadOnlyList<RunMeasure> runs, Func<RunMeasure, Exchange?> exchange) =>
        string.Join("/", runs.Select(exchange).Where(e => e is not null).Select(e => e!.Status.ToString(CultureInfo.InvariantCulture)).Distinct());

    /// <summary>Nothing when every run got 200; else the statuses, so a moved or failing document cannot pass for a small one.</summary>
    private static string NotOk(IReadOnlyList<RunMeasure> runs, Func<RunMeasure, Exchange?> exchange) =>
        runs.Select(exchange).All(e => e is null || e.Status == 200) ? "" : " [" + Statuses(runs, exchange) + "]";

    private static void Row(StringBuilder s, string label, double? hybrid, double? baseline) =>
        s.Append(I($"| {label} | {Ms(hybrid)} | {Ms(baseline)} | {Ratio(hybrid, baseline)} |\n"));

    private static string Ratio(double? a, double? b) => a is { } x && b is { } y && y > 0 ? I($"{x / y:0.00}") : "";

    internal static string Ms(double? value) => value switch
    {
        null => Dash,
        >= 100 => I($"{value:0}"),
        _ => I($"{value:0.0}"),
    };

    internal static string Mb(double? value) => value is null ? Dash : I($"{value:0.0}");

    private static string Kb(double? bytes) => bytes is null ? Dash : I($"{bytes / 1024:0.0}");

    internal static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
