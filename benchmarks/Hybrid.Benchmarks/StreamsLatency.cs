using System.Diagnostics;
using System.Globalization;

namespace Hybrid.Benchmarks;

/// <summary>
/// Yield-to-receive latency (streams.sh, part c): <c>streams</c> concurrent streams of <c>items</c> items,
/// one every <c>intervalMs</c>, per variant, alternated over the rounds. Each item carries the
/// <see cref="Stopwatch"/> timestamp taken just before the handler yielded it; the client subtracts it
/// from its own when the parser hands it the item (CLOCK_MONOTONIC, one clock for every process on
/// Linux). A stream's first item is left out: it also carries the request and the response's start.
/// </summary>
public static class StreamsLatency
{
    public static async Task RunAsync(string url, string[] variants, int streams, int items, int intervalMs, int rounds)
    {
        using var client = StreamsClient.Create(url);
        foreach (var variant in variants)
        {
            await MeasureAsync(client, variant, streams, Math.Min(items, 50), intervalMs);
        }

        var all = variants.ToDictionary(v => v, _ => new List<double>());
        for (var round = 1; round <= rounds; round++)
        {
            var order = round % 2 == 1 ? variants : Enumerable.Reverse(variants).ToArray();
            var line = $"round {round}:";
            foreach (var variant in order)
            {
                var sample = await MeasureAsync(client, variant, streams, items, intervalMs);
                all[variant].AddRange(sample);
                sample.Sort();
                line += string.Create(CultureInfo.InvariantCulture, $" {variant} p50 {StreamsClient.Percentile(sample, 0.5):0.00} ms p99 {StreamsClient.Percentile(sample, 0.99):0.00} ms;");
            }

            Console.WriteLine(line.TrimEnd(';'));
        }

        foreach (var (variant, sample) in all)
        {
            sample.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{variant}: {StreamsClient.Names[variant]}: {sample.Count} items, p50 {StreamsClient.Percentile(sample, 0.5):0.00} ms, p99 {StreamsClient.Percentile(sample, 0.99):0.00} ms, max {sample[^1]:0.00} ms"));
        }
    }

    private static async Task<List<double>> MeasureAsync(HttpClient client, string variant, int streams, int items, int intervalMs)
    {
        var samples = await Task.WhenAll(Enumerable.Range(0, streams).Select(_ => Task.Run(async () =>
        {
            var sample = new List<double>(items);
            var first = true;
            await StreamsClient.ReadAsync(client, variant, items, intervalMs, parse: true, at =>
            {
                var received = Stopwatch.GetTimestamp();
                if (!first)
                {
                    sample.Add((received - at) * 1000.0 / Stopwatch.Frequency);
                }

                first = false;
            }, CancellationToken.None);
            if (sample.Count != items - 1)
            {
                throw new InvalidOperationException($"{variant}: {sample.Count + 1} of {items} items arrived.");
            }

            return sample;
        })));
        return samples.SelectMany(s => s).ToList();
    }
}
