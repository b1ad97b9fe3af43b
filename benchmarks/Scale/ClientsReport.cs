using System.Text;
using static Hybrid.Scale.Report;

namespace Hybrid.Scale;

/// <summary>The markdown of the build-time clients: one table per operation count, and a summary row per count.</summary>
internal static class ClientsReport
{
    private const string Targets = "Targets at 1,000 operations (issue 16): TypeScript ≤ 2 KB per operation (all of clients/*.ts ÷ N), NSwag for both clients ≤ 3 s, a no-change rebuild ≤ 1 s over the same build without Hybrid.Clients, the gate's comparison ≤ 1 s; tsc reported.";

    public static string Size(SizeResult r)
    {
        if (r.Clients is not { } c)
        {
            return "";
        }

        var s = new StringBuilder();
        s.Append(I($"Build-time clients (Hybrid.Clients' props and targets from src/, switched on with `-p:HybridGenerateClients=true`; each time a whole incremental `dotnet build -c Release -v m`, the first build and the code-change pairs also writing a binary log; medians of {c.NoChangeWith.Count} pair(s)):\n\n"));
        s.Append("| measure | value |\n|---|---:|\n");
        s.Append(I($"| first build with clients (documents read, NSwag, contract baseline recorded) | {c.FirstBuildSeconds:0.0} s |\n"));
        s.Append(I($"| — the tool in all (MSBuild's time in the clients targets) | {Ms(c.First.TargetMs)} ms |\n"));
        s.Append(I($"| — read the documents without starting the app (tool) | {Ms(c.First.ReadMs)} ms |\n"));
        s.Append(I($"| — NSwag: {string.Join(", ", ClientsStep.TypeScriptFiles)} (in the tool's process, the files at once) | {c.First.NSwagSeconds:0.0} s |\n"));
        s.Append(I($"| — contract: baseline recorded ({c.First.ContractDocuments} document(s)) | {Ms(c.First.ContractMs)} ms |\n"));
        s.Append(I($"| — the rest, which no line of the tool times (process start, writing the documents, shared types, each client's imports) | {Ms(Unreported(c.First))} ms |\n"));
        s.Append(I($"| no-change build without / with clients | {Median(c.NoChangeWithout):0.00} / {Median(c.NoChangeWith):0.00} s |\n"));
        s.Append(I($"| **no-change rebuild overhead**: MSBuild's time in the clients targets; with − without, median of pairs (range) | **{Ms(TargetMs(c.NoChangeWithTool))} ms**; {Overhead(c.NoChangeWithout, c.NoChangeWith)} |\n"));
        s.Append(I($"| code change (a comment in Program.cs): build without / with clients | {Median(c.CodeChangeWithout):0.00} / {Median(c.CodeChangeWith):0.00} s |\n"));
        s.Append(I($"| **code-change overhead** (the tool runs, NSwag does not): MSBuild's time in the clients targets; with − without, median of pairs (range) | **{Ms(TargetMs(c.CodeChangeWithTool))} ms**; {Overhead(c.CodeChangeWithout, c.CodeChangeWith)} |\n"));
        s.Append(I($"| — read the documents (tool) | {Ms(Median(c.CodeChangeWithTool.Select(t => t.ReadMs ?? 0).ToList()))} ms |\n"));
        s.Append(I($"| — **gate: comparison with the recorded baseline** | **{Ms(GateMs(c))} ms** |\n"));
        foreach (var file in c.Files)
        {
            s.Append(I($"| `{file.Name}` | {file.Bytes / 1024.0:0} KB, {file.Bytes / 1024.0 / r.N:0.00} KB / op |\n"));
        }

        s.Append(I($"| **all generated TypeScript** | **{TotalKb(c):0} KB, {TotalKb(c) / r.N:0.00} KB / op** |\n"));
        if (c.Tsc is { } tsc)
        {
            s.Append(I($"| `tsc --strict --noEmit` over the three{(tsc.ExitCode == 0 ? "" : $" — FAILED (exit {tsc.ExitCode})")} | {tsc.Seconds:0.0} s, peak {Mb(tsc.PeakMb)} MB |\n"));
        }

        s.Append('\n');
        if (c.Note is not null)
        {
            s.Append("Note: ").Append(c.Note).Append("\n\n");
        }

        return s.ToString();
    }

    public static string Summary(IReadOnlyList<SizeResult> results)
    {
        var measured = results.Where(r => r.Clients is not null).ToList();
        if (measured.Count == 0)
        {
            return "";
        }

        var s = new StringBuilder();
        s.Append("Build-time clients (medians):\n\n");
        s.Append("| N | TS KB / op (types, actions, rest-v1) | TS KB / op, all | NSwag s | first clients build s | tool in the first build s (read ms; untimed rest s) | no-change overhead: clients targets ms; wall with − without | code-change overhead: clients targets ms; wall with − without | gate comparison ms | tsc s (peak MB) |\n");
        s.Append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var r in measured)
        {
            var c = r.Clients!;
            var perFile = string.Join(", ", c.Files.Select(f => I($"{f.Bytes / 1024.0 / r.N:0.00}")));
            var tsc = c.Tsc is { } t ? I($"{t.Seconds:0.0} ({Mb(t.PeakMb)}){(t.ExitCode == 0 ? "" : " FAILED")}") : Dash;
            s.Append(I($"| {r.N} | {perFile} | {TotalKb(c) / r.N:0.00} | {c.First.NSwagSeconds:0.0} | {c.FirstBuildSeconds:0.0} | {c.First.TargetMs / 1000:0.0} ({Ms(c.First.ReadMs)}; {Unreported(c.First) / 1000:0.0}) | {Ms(TargetMs(c.NoChangeWithTool))}; {Overhead(c.NoChangeWithout, c.NoChangeWith)} | {Ms(TargetMs(c.CodeChangeWithTool))}; {Overhead(c.CodeChangeWithout, c.CodeChangeWith)} | {Ms(GateMs(c))} | {tsc} |\n"));
        }

        s.Append('\n').Append(Targets).Append('\n');
        return s.ToString();
    }

    /// <summary>The tool's time that none of its lines accounts for.</summary>
    private static double? Unreported(ToolLines t) =>
        t.TargetMs is { } all && t.ReadMs is { } read && t.NSwagSeconds is { } nswag ? all - read - nswag * 1000 - (t.ContractMs ?? 0) : null;

    private static double TotalKb(ClientsMeasure c) => c.Files.Sum(f => f.Bytes) / 1024.0;

    private static double TargetMs(IReadOnlyList<ToolLines> builds) => Median(builds.Select(t => t.TargetMs ?? 0).ToList());

    private static double? GateMs(ClientsMeasure c) => Median(c.CodeChangeWithTool.Select(t => t.ContractMs ?? 0).ToList());

    /// <summary>The median of each pair's difference (with − without), so a drift of the machine between pairs cancels, and their range, so the noise shows.</summary>
    private static string Overhead(IReadOnlyList<double> without, IReadOnlyList<double> with)
    {
        var differences = without.Zip(with, (a, b) => b - a).ToList();
        return differences.Count switch
        {
            0 => Dash,
            1 => I($"{differences[0]:+0.00;-0.00;0.00} s"),
            _ => I($"{Median(differences):+0.00;-0.00;0.00} s ({differences.Min():+0.0;-0.0;0.0} … {differences.Max():+0.0;-0.0;0.0})"),
        };
    }

    private static double Median(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : Report.Median(values.ToList());
}
