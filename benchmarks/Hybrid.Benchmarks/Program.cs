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

// `mcp-serve URL` serves the MCP comparison app (mcp.sh); `mcp-list N` times tools/list over N tools.
if (args is ["mcp-serve", var mcpUrl])
{
    await McpBench.Serve(mcpUrl).RunAsync();
    return;
}

if (args is ["mcp-list", var tools])
{
    await McpBench.ListAsync(int.Parse(tools, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

// `settings-memory N` reports what resolving N operations' endpoint settings costs (docs/performance.md).
if (args is ["settings-memory", var count])
{
    SettingsMemory.Run(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(DoorBenchmarks).Assembly).Run(args);
