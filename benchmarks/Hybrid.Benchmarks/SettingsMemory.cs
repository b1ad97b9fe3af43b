using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hybrid.Benchmarks;

/// <summary>
/// What the settings model costs at start-up for <c>count</c> operations on both doors (two
/// endpoints each): the time to resolve every endpoint's settings from its final metadata, the
/// bytes allocated doing it and the bytes the locked settings keep, measured in a fresh process
/// (<c>dotnet Hybrid.Benchmarks.dll settings-memory 1000</c>).
/// </summary>
internal static class SettingsMemory
{
    public static void Run(int count)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddHybrid(ManyOperations.Emit(count));
        var app = builder.Build();
        app.MapHybridActions();
        app.MapHybridRest();
        var building = Stopwatch.GetTimestamp();
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).ToList();
        Console.WriteLine($"building the endpoints (conventions, metadata): {Stopwatch.GetElapsedTime(building).TotalMilliseconds:0.0} ms");
        var store = app.Services.GetRequiredService<EndpointSettingsStore>();

        var kept = GC.GetTotalMemory(forceFullCollection: true);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        var settings = store.Resolve(endpoints);
        var elapsed = Stopwatch.GetElapsedTime(started);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        kept = GC.GetTotalMemory(forceFullCollection: true) - kept;
        GC.KeepAlive(settings);

        Console.WriteLine($"operations: {count}, endpoints resolved: {settings.Count}");
        Console.WriteLine($"resolve time (cold, first resolution in this process): {elapsed.TotalMilliseconds:0.0} ms");
        Console.WriteLine($"allocated while resolving: {allocated / 1024.0:0} KB ({allocated / (double)settings.Count:0} B per endpoint)");
        Console.WriteLine($"kept by the locked settings: {kept / 1024.0:0} KB ({kept / (double)settings.Count:0} B per endpoint)");

        // Warm: the same resolution again with the code already compiled (labelled warm; not what a user's start-up sees).
        var resolver = new EndpointSettingsResolver(app.Services);
        var hybrid = endpoints.Select(e => (Hybrid: e.Metadata.GetMetadata<HybridEndpointMetadata>(), e.Metadata)).Where(e => e.Hybrid is not null).ToList();
        started = Stopwatch.GetTimestamp();
        foreach (var (endpoint, metadata) in hybrid)
        {
            resolver.Resolve(endpoint!, metadata);
        }

        Console.WriteLine($"resolve time (warm, second resolution): {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.0} ms");

        started = Stopwatch.GetTimestamp();
        var errors = EndpointChecks.Run(settings, app.Services.GetRequiredService<OperationCatalog>(), app.Services);
        Console.WriteLine($"endpoint checks (cold): {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.0} ms, {errors.Count} problem(s)");
    }
}
