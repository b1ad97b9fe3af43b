using Microsoft.AspNetCore.Hosting;
using BenchmarkDotNet.Running;
using Hybrid.Benchmarks;

// `serve URL` runs the benchmark app on Kestrel for the loopback load run (load.sh);
// anything else goes to BenchmarkDotNet (e.g. --filter '*').
if (args is ["serve", var url])
{
    var app = BenchmarkApp.Build(b => b.WebHost.UseUrls(url));
    await app.RunAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(DoorBenchmarks).Assembly).Run(args);
