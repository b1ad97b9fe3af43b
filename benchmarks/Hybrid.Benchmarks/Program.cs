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

// `streams-serve URL` serves the streams comparison app; `streams-client PART URL ...` measures it
// from its own process (streams.sh): throughput, latency, memory.
if (args is ["streams-serve", var streamsUrl])
{
    await StreamsApp.Build(streamsUrl).RunAsync();
    return;
}

if (args is ["streams-client", "throughput", var tpUrl, var tpVariants, var tpStreams, var tpItems, var tpSeconds, var tpWarmup, var tpRounds])
{
    await StreamsThroughput.RunAsync(tpUrl, tpVariants.Split(','), StreamsClient.Number(tpStreams), StreamsClient.Number(tpItems), StreamsClient.Number(tpSeconds), StreamsClient.Number(tpWarmup), StreamsClient.Number(tpRounds));
    return;
}

if (args is ["streams-client", "latency", var latUrl, var latVariants, var latStreams, var latItems, var latInterval, var latRounds])
{
    await StreamsLatency.RunAsync(latUrl, latVariants.Split(','), StreamsClient.Number(latStreams), StreamsClient.Number(latItems), StreamsClient.Number(latInterval), StreamsClient.Number(latRounds));
    return;
}

if (args is ["streams-client", "memory", var memUrl, var memVariant, var memCount, var memSettle])
{
    await StreamsMemory.RunAsync(memUrl, memVariant, StreamsClient.Number(memCount), StreamsClient.Number(memSettle));
    return;
}

// `settings-memory N` reports what resolving N operations' endpoint settings costs (docs/performance.md).
if (args is ["settings-memory", var count])
{
    SettingsMemory.Run(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(DoorBenchmarks).Assembly).Run(args);
