using System.Globalization;
using System.Text.RegularExpressions;

namespace Hybrid.Scale;

/// <summary>
/// What one build's log says the Hybrid.Clients tool did (its lines, logged at low importance, read from
/// the build's binary log), and MSBuild's own time in the clients targets (<c>-clp:PerformanceSummary</c>).
/// </summary>
internal sealed partial record ToolLines(
    double? ReadMs,
    double? NSwagSeconds,
    bool ClientsCurrent,
    int? ContractDocuments,
    int? Breaks,
    double? ContractMs,
    double? TargetMs)
{
    /// <summary>Whether the tool ran at all (the target was not skipped).</summary>
    public bool Ran => ReadMs is not null;

    public static ToolLines Parse(string log)
    {
        double? Number(Regex pattern, int group = 1) =>
            pattern.Match(log) is { Success: true } m ? double.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : null;

        var contract = Contract().Match(log);
        return new ToolLines(
            Number(Read(), 2),
            Number(Generated()),
            log.Contains("Hybrid.Clients: documents unchanged; clients are current.", StringComparison.Ordinal),
            contract.Success ? int.Parse(contract.Groups[1].Value, CultureInfo.InvariantCulture) : null,
            contract.Success ? int.Parse(contract.Groups[2].Value, CultureInfo.InvariantCulture) : null,
            contract.Success ? double.Parse(contract.Groups[3].Value, CultureInfo.InvariantCulture) : null,
            TargetTime(log, "HybridGenerateClients") + TargetTime(log, "_HybridClientsInputs"));
    }

    /// <summary>A target's line of MSBuild's performance summary: <c>      12 ms  HybridGenerateClients   1 calls</c>; 0 when it is not listed.</summary>
    private static double TargetTime(string log, string target)
    {
        var total = 0.0;
        foreach (Match m in SummaryLine().Matches(log))
        {
            if (m.Groups[2].Value == target)
            {
                total = Math.Max(total, double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        }

        return total;
    }

    [GeneratedRegex(@"Hybrid\.Clients: read (\d+) documents in (\d+) ms\.")]
    private static partial Regex Read();

    [GeneratedRegex(@"Hybrid\.Clients: generated .+ in ([0-9.]+) s\.")]
    private static partial Regex Generated();

    [GeneratedRegex(@"Hybrid\.Clients: contract checked \((\d+) documents, (\d+) breaks\) in (\d+) ms\.")]
    private static partial Regex Contract();

    [GeneratedRegex(@"^\s*(\d+) ms\s+(\S+)\s+\d+ calls", RegexOptions.Multiline)]
    private static partial Regex SummaryLine();
}
