using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.ResponseCompression;

namespace Hybrid.Streaming.Tests;

/// <summary>Alone: it measures a delivery time, which other tests of this assembly would share the cores with.</summary>
[CollectionDefinition(nameof(CompressionTests), DisableParallelization = true)]
[Collection(nameof(CompressionTests))]
public sealed class CompressionTests
{
    [Theory]
    [InlineData("text/event-stream")]
    [InlineData("application/jsonl")]
    public async Task An_item_passes_through_response_compression_undelayed(string accept)
    {
        await using var host = await StreamHost.StartAsync(
            services: s => s.AddResponseCompression(o => o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "text/event-stream", "application/jsonl"]),
            before: app => app.UseResponseCompression());

        // The best of three: on a busy machine one delivery can wait for a core; a compressor would hold every one for the whole 10 s pause.
        var delays = new List<TimeSpan>();
        for (var attempt = 0; attempt < 3 && !delays.Exists(d => d < TimeSpan.FromMilliseconds(100)); attempt++)
        {
            delays.Add(await FirstItemDelayAsync(host, accept));
        }

        delays.Should().Contain(d => d < TimeSpan.FromMilliseconds(100), "an item yielded before a 10 s pause must not wait in a compressor");
    }

    private static async Task<TimeSpan> FirstItemDelayAsync(Testing.TestHost host, string accept)
    {
        var request = StreamHost.Get("/idle?pauseMs=10000", accept);
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var response = await host.OpenAsync(request);

        response.Content.Headers.ContentEncoding.Should().NotContain(["gzip", "br"]);
        var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[4096];
        var text = string.Empty;
        while (!text.Contains("\"now\"", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
            read.Should().BePositive();
            text += System.Text.Encoding.UTF8.GetString(buffer, 0, read);
        }

        return DateTimeOffset.UtcNow - host.Probe().LastFirstYield;
    }
}
