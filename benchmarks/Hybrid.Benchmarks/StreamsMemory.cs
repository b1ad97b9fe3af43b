using System.Globalization;

namespace Hybrid.Benchmarks;

/// <summary>
/// Memory per idle open stream (streams.sh, part b), against a fresh server: its memory after a full
/// collection (<c>/bench/memory</c>), then <c>count</c> streams of <c>variant</c> opened and held (each
/// has sent its first event), a pause, its memory again. Prints one line, <c>key=value</c>, for the
/// script to subtract: Kestrel's own cost (<c>kestrel</c>) from Hybrid's (<c>hybrid</c>).
/// </summary>
public static class StreamsMemory
{
    /// <summary>What each variant opens: Kestrel with a bare endpoint, .NET's SSE result over MediatR, Hybrid's REST door.</summary>
    public static readonly IReadOnlyDictionary<string, string> Paths = new Dictionary<string, string>
    {
        ["kestrel"] = "/baseline/stream/kestrel-idle",
        ["sse"] = "/baseline/stream/idle",
        ["hybrid"] = "/api/v1/stream/idle",
    };

    public static async Task RunAsync(string url, string variant, int count, int settleSeconds)
    {
        var path = Paths[variant];
        using var probe = StreamsClient.Create(url);
        using var client = StreamsClient.Create(url);

        // Every path of an open stream run once before the first measure, so what follows is the streams, not the JIT.
        await DisposeAll(await OpenAsync(client, path, 100, 20));
        var before = await probe.GetStringAsync("/bench/memory");
        var open = await OpenAsync(client, path, count, 64);
        await Task.Delay(TimeSpan.FromSeconds(settleSeconds));
        var after = await probe.GetStringAsync("/bench/memory");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"variant={variant} streams={open.Count} before: {before} after: {after}"));
        await DisposeAll(open);
    }

    /// <summary>Opens <paramref name="count"/> streams, <paramref name="parallel"/> at a time, each read up to its first bytes.</summary>
    private static async Task<List<HttpResponseMessage>> OpenAsync(HttpClient client, string path, int count, int parallel)
    {
        var open = new HttpResponseMessage[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
        {
            var buffer = new byte[1];
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Accept.ParseAdd("text/event-stream");
                var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                var body = await response.Content.ReadAsStreamAsync();
                if (await body.ReadAsync(buffer) == 0)
                {
                    throw new InvalidOperationException($"{path} ended instead of staying open.");
                }

                open[i] = response;
            }
        })));
        return [.. open];
    }

    private static async Task DisposeAll(List<HttpResponseMessage> open)
    {
        foreach (var response in open)
        {
            response.Dispose();
        }

        // Let the server see the connections close and its handlers return.
        await Task.Delay(500);
    }
}
