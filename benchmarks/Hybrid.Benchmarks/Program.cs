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

// `settings-memory N` reports what resolving N operations' endpoint settings costs (docs/performance.md).
if (args is ["settings-memory", var count])
{
    SettingsMemory.Run(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(DoorBenchmarks).Assembly).Run(args);
