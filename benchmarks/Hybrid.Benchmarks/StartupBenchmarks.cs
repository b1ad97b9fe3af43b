using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hybrid.Benchmarks;

/// <summary>
/// Start-up with 1,000 operations: building the app, mapping, and materialising every endpoint
/// (what the first request forces). The baseline maps the same 1,000 GETs as hand-written minimal
/// API lambdas, which run ASP.NET Core's RequestDelegateFactory per endpoint; Hybrid maps 2,000
/// endpoints (an action and a REST GET per operation) with precompiled delegates, plus the catalog
/// build and its checks.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class StartupBenchmarks
{
    private const int Operations = 1000;
    private Assembly _many = null!;

    [GlobalSetup]
    public void Setup() => _many = ManyOperations.Emit(Operations);

    [Benchmark(Baseline = true, Description = "1,000 minimal API GETs")]
    public int MinimalApis()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<GetThingHandler>();
        using var app = (IDisposable)builder.Build();
        var web = (WebApplication)app;
        for (var i = 0; i < Operations; i++)
        {
            web.MapGet($"/baseline/many{i}/{{id:int}}", (int id, GetThingHandler handler, CancellationToken ct) => handler.Handle(new GetThing { Id = id }, ct));
        }

        return Materialise(web);
    }

    [Benchmark(Description = "Hybrid: 1,000 operations, both doors")]
    public int Hybrid()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddHybrid(_many);
        using var app = (IDisposable)builder.Build();
        var web = (WebApplication)app;
        web.MapHybridActions();
        web.MapHybridRest();
        return Materialise(web);
    }

    private static int Materialise(WebApplication app) =>
        ((IEndpointRouteBuilder)app).DataSources.Sum(d => d.Endpoints.Count);
}
