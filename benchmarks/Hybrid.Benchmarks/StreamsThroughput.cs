using System.Diagnostics;
using System.Globalization;

namespace Hybrid.Benchmarks;

/// <summary>
/// Items per second (streams.sh, part a): <c>streams</c> concurrent streams of <c>items</c> small items
/// each, reopened as each ends, for <c>seconds</c> per variant; every variant is warmed first, then the
/// rounds run the baseline and Hybrid's variants alternately (the order reversed every other round),
/// and each Hybrid figure is divided by the baseline's of the same round. The server's allocation over
/// the same window (<c>/bench/allocated</c>) divided by the items gives bytes allocated per item: the
/// one figure here a loaded machine does not move.
/// </summary>
public static class StreamsThroughput
{
    public static async Task RunAsync(string url, string[] variants, int streams, int items, int seconds, int warmupSeconds, int rounds)
    {
        using var client = StreamsClient.Create(url);
        using var probe = StreamsClient.Create(url);
        foreach (var variant in variants)
        {
            await MeasureAsync(client, probe, variant, streams, items, TimeSpan.FromSeconds(warmupSeconds));
        }

        var ratios = variants.Where(v => v != StreamsClient.Baseline).ToDictionary(v => v, _ => new List<double>());
        var rates = variants.ToDictionary(v => v, _ => new List<double>());
        var allocations = variants.ToDictionary(v => v, _ => new List<double>());
        for (var round = 1; round <= rounds; round++)
        {
            var order = round % 2 == 1 ? variants : Enumerable.Reverse(variants).ToArray();
            var rate = new Dictionary<string, double>();
            foreach (var variant in order)
            {
                (rate[variant], var allocated) = await MeasureAsync(client, probe, variant, streams, items, TimeSpan.FromSeconds(seconds));
                rates[variant].Add(rate[variant]);
                allocations[variant].Add(allocated);
            }

            var line = $"round {round}: {StreamsClient.Baseline} {rate[StreamsClient.Baseline]:N0} items/s {allocations[StreamsClient.Baseline][^1]:N0} B/item";
            foreach (var (variant, list) in ratios)
            {
                list.Add(rate[variant] / rate[StreamsClient.Baseline]);
                line += $"; {variant} {rate[variant]:N0} ({list[^1]:0.000}) {allocations[variant][^1]:N0} B/item";
            }

            Console.WriteLine(line);
        }

        Console.WriteLine($"{StreamsClient.Baseline}: {StreamsClient.Names[StreamsClient.Baseline]}: mean {rates[StreamsClient.Baseline].Average():N0} items/s, {allocations[StreamsClient.Baseline].Average():N0} B allocated per item");
        foreach (var (variant, list) in ratios)
        {
            list.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{variant}: {StreamsClient.Names[variant]}: mean {rates[variant].Average():N0} items/s, {allocations[variant].Average():N0} B allocated per item; ratio to baseline over {list.Count} rounds: mean {list.Average():0.000}, median {StreamsClient.Percentile(list, 0.5):0.000}, min {list[0]:0.000}, max {list[^1]:0.000} (target >= 0.9)"));
        }
    }

    /// <summary>
    /// Items per second received between a ramp-up and the end of <paramref name="duration"/>, however many
    /// streams that spans, and the bytes the server allocated per item in that window.
    /// </summary>
    private static async Task<(double Rate, double Allocated)> MeasureAsync(HttpClient client, HttpClient probe, string variant, int streams, int items, TimeSpan duration)
    {
        var received = new long[streams * 16];
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, streams).Select(i => Task.Run(() => WorkAsync(client, variant, items, received, i * 16, stop.Token))).ToArray();
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var allocatedBefore = long.Parse(await probe.GetStringAsync("/bench/allocated"), CultureInfo.InvariantCulture);
        var before = Sum(received);
        var watch = Stopwatch.StartNew();
        await Task.Delay(duration);
        var after = Sum(received);
        var elapsed = watch.Elapsed.TotalSeconds;
        var allocatedAfter = long.Parse(await probe.GetStringAsync("/bench/allocated"), CultureInfo.InvariantCulture);
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        return ((after - before) / elapsed, (allocatedAfter - allocatedBefore) / (double)Math.Max(1, after - before));
    }

    // Each worker counts in its own slot, 16 longs apart, so no two share a cache line.
    private static async Task WorkAsync(HttpClient client, string variant, int items, long[] received, int slot, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await StreamsClient.ReadAsync(client, variant, items, 0, parse: false, _ => received[slot]++, stop);
            }
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // Cut at the end of the measurement, wherever the stream was.
        }
    }

    private static long Sum(long[] received)
    {
        long sum = 0;
        for (var i = 0; i < received.Length; i += 16)
        {
            sum += Volatile.Read(ref received[i]);
        }

        return sum;
    }
}
