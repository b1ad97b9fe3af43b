using System.Globalization;
using System.Runtime;
using Hybrid.Actions;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hybrid.Benchmarks;

/// <summary>
/// The streams benchmark's server (<c>streams-serve URL</c>, streams.sh): Hybrid's doors over
/// <see cref="BenchTicks"/> and <see cref="BenchIdle"/>, and beside them, in the same app, what a team
/// would write by hand with .NET 10: the same MediatR stream behind <c>TypedResults.ServerSentEvents</c>,
/// and a bare endpoint that starts its response and waits (Kestrel's own cost of an open connection).
/// </summary>
public static class StreamsApp
{
    public static WebApplication Build(string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        builder.Services.AddHybrid([typeof(StreamsApp).Assembly], options =>
        {
            // Every connection comes from 127.0.0.1, one caller: the memory run holds 10,000 at once.
            options.Streams.MaxOpenPerApp = 1_000_000;
            options.Streams.MaxOpenPerUser = 1_000_000;
        });
        builder.Services.AddAntiforgery(o => o.HeaderName = HybridAntiforgery.HeaderName);
        var app = builder.Build();

        app.MapGet("/baseline/stream/ticks", (int count, int? intervalMs, ISender sender, CancellationToken ct) =>
            TypedResults.ServerSentEvents(sender.CreateStream(new BenchTicks(count, intervalMs ?? 0), ct)));
        app.MapGet("/baseline/stream/idle", (ISender sender, CancellationToken ct) =>
            TypedResults.ServerSentEvents(sender.CreateStream(new BenchIdle(), ct)));
        app.MapGet("/baseline/stream/kestrel-idle", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: {}\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
        });
        app.MapGet("/bench/memory", Memory);
        app.MapGet("/bench/allocated", () => GC.GetTotalAllocatedBytes(precise: true));

        app.MapHybridActions();
        app.MapHybridRest();
        return app;
    }

    /// <summary>What the process holds after a full, compacting collection: live managed bytes, the GC heap, resident memory.</summary>
    private static string Memory()
    {
        for (var i = 0; i < 2; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        var info = GC.GetGCMemoryInfo();
        return string.Create(CultureInfo.InvariantCulture,
            $"live={GC.GetTotalMemory(false)} heap={info.HeapSizeBytes} committed={info.TotalCommittedBytes} rss={Environment.WorkingSet} serverGc={GCSettings.IsServerGC}");
    }
}
