using System.Globalization;
using System.Runtime.InteropServices;

namespace Hybrid.Scale;

/// <summary>Everything measured for one operation count.</summary>
internal sealed record SizeResult(
    int N,
    int Runs,
    double HybridBuildSeconds,
    double BaselineBuildSeconds,
    IReadOnlyList<RunMeasure> Hybrid,
    IReadOnlyList<RunMeasure> Baseline,
    ClientsMeasure? Clients);

/// <summary>What the numbers were taken on: the machine, the runtime, the commit, the load.</summary>
internal static class MachineInfo
{
    public static async Task<string> DescribeAsync()
    {
        var cpu = "unknown CPU";
        if (File.Exists("/proc/cpuinfo"))
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }

        var commit = "unknown commit";
        try
        {
            var head = await Command.RunAsync("git", ["rev-parse", "--short", "HEAD"], Repository.Root, TimeSpan.FromSeconds(20));
            var dirty = await Command.RunAsync("git", ["status", "--porcelain", "--", "src"], Repository.Root, TimeSpan.FromSeconds(20));
            if (head.ExitCode == 0)
            {
                commit = head.Output.Trim() + (dirty.ExitCode == 0 && dirty.Output.Trim().Length > 0 ? " (src/ modified)" : "");
            }
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or TimeoutException)
        {
            // No git: the commit stays unknown.
        }

        var load = await LoadAverageAsync();
        return string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores, {cpu}; {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}; Hybrid at {commit}; load average at start {load}");
    }

    public static async Task<string> LoadAverageAsync() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ').Take(3)) : "n/a";
}
