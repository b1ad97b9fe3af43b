using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Hybrid.Scale;

/// <summary>What a finished command printed, how long it took and, under <c>/usr/bin/time -v</c>, its peak memory.</summary>
internal sealed record CommandResult(int ExitCode, string Output, TimeSpan Elapsed, double? PeakMb)
{
    public CommandResult ShouldSucceed(string what) =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"{what} failed (exit {ExitCode}); it printed:\n{Tail(Output, 60)}");

    public static string Tail(string text, int lines)
    {
        var all = text.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }
}

/// <summary>Runs commands to completion, each under a time limit; kills the whole tree on time-out.</summary>
internal static class Command
{
    private const string TimeTool = "/usr/bin/time";

    /// <summary>Whether peak memory can be measured (GNU time with -v).</summary>
    public static bool CanMeasureMemory { get; } = File.Exists(TimeTool) && Environment.GetEnvironmentVariable("SCALE_NO_TIME") != "1";

    public static async Task<CommandResult> RunAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, bool measureMemory = false)
    {
        string? timeFile = null;
        var start = new ProcessStartInfo
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (measureMemory && CanMeasureMemory)
        {
            timeFile = Path.GetTempFileName();
            start.FileName = TimeTool;
            foreach (var argument in (string[])["-v", "-o", timeFile, fileName])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = fileName;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        CleanEnvironment(start);
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds:0} s:\n{CommandResult.Tail(Snapshot(output), 40)}");
        }

        var elapsed = stopwatch.Elapsed;
        process.WaitForExit();
        double? peak = null;
        if (timeFile is not null)
        {
            peak = ReadPeakMb(timeFile);
            File.Delete(timeFile);
        }

        return new CommandResult(process.ExitCode, Snapshot(output), elapsed, peak);
    }

    /// <summary>
    /// Children get this program's environment without what <c>dotnet run</c> and MSBuild may have
    /// put there for it, so a nested <c>dotnet build</c> resolves its own SDK and MSBuild.
    /// </summary>
    public static void CleanEnvironment(ProcessStartInfo start)
    {
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key.Equals("MSBuildExtensionsPath", StringComparison.OrdinalIgnoreCase) || key.Equals("MSBuildSDKsPath", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(key);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
    }

    private static double? ReadPeakMb(string timeFile)
    {
        // GNU time -v: "	Maximum resident set size (kbytes): 123456"
        foreach (var line in File.ReadLines(timeFile))
        {
            var trimmed = line.Trim();
            const string key = "Maximum resident set size (kbytes):";
            if (trimmed.StartsWith(key, StringComparison.Ordinal) && double.TryParse(trimmed[key.Length..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var kb))
            {
                return kb / 1024;
            }
        }

        return null;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
