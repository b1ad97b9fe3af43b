using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;

namespace Hybrid.Soak;

/// <summary>Every request the driver made, by kind: how many, their statuses, their latencies.</summary>
internal sealed class Tally
{
    private readonly ConcurrentDictionary<string, KindTally> _kinds = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _problems = new();
    private int _problemCount;

    /// <summary>Responses with a 5xx status, over every kind.</summary>
    public int ServerErrors => _kinds.Values.Sum(k => k.ServerErrors);

    /// <summary>Responses no flow expects (a 4xx where a 2xx was due, a retry that was not a replay), and transport errors.</summary>
    public int Unexpected => _problemCount;

    public IReadOnlyCollection<string> Problems => _problems;

    public void Record(string kind, HttpStatusCode status, double milliseconds)
    {
        var tally = _kinds.GetOrAdd(kind, _ => new KindTally());
        lock (tally)
        {
            tally.Count++;
            tally.Latencies.Add(milliseconds);
            if ((int)status >= 500)
            {
                tally.ServerErrors++;
            }

            tally.Statuses[(int)status] = tally.Statuses.GetValueOrDefault((int)status) + 1;
        }
    }

    /// <summary>A request sent without waiting for an answer (an aborted body, a dropped response).</summary>
    public void RecordUnanswered(string kind)
    {
        var tally = _kinds.GetOrAdd(kind, _ => new KindTally());
        lock (tally)
        {
            tally.Count++;
        }
    }

    public void Problem(string what)
    {
        // The first few are kept to print; the rest are only counted.
        if (Interlocked.Increment(ref _problemCount) <= 20)
        {
            _problems.Enqueue(what);
        }
    }

    /// <summary>The table: requests, req/s, p50, p99, statuses, per kind and in total.</summary>
    public string Table(TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine("| kind | requests | req/s | p50 ms | p99 ms | statuses |");
        text.AppendLine("|---|---:|---:|---:|---:|---|");
        var all = new List<double>();
        var total = 0;
        foreach (var (kind, tally) in _kinds.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            lock (tally)
            {
                total += tally.Count;
                all.AddRange(tally.Latencies);
                var statuses = string.Join(' ', tally.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}x{s.Value}"));
                text.AppendLine(Row(kind, tally.Count, tally.Latencies, tally.Latencies.Count == 0 ? "(no response read)" : statuses, elapsed));
            }
        }

        text.AppendLine(Row("all", total, all, string.Empty, elapsed));
        return text.ToString();
    }

    /// <summary>The number of requests of the kinds whose name starts with the prefix.</summary>
    public int Count(Func<string, bool> kind) => _kinds.Where(k => kind(k.Key)).Sum(k => k.Value.Count);

    private static string Row(string kind, int count, List<double> latencies, string statuses, TimeSpan elapsed)
    {
        var sorted = latencies.Order().ToArray();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"| {kind} | {count} | {count / elapsed.TotalSeconds:0.0} | {Percentile(sorted, 0.50)} | {Percentile(sorted, 0.99)} | {statuses} |");
    }

    private static string Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? "-" : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)].ToString("0.0", CultureInfo.InvariantCulture);

    private sealed class KindTally
    {
        public int Count { get; set; }

        public int ServerErrors { get; set; }

        public List<double> Latencies { get; } = [];

        public Dictionary<int, int> Statuses { get; } = [];
    }
}
