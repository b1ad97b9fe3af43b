using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Hybrid.Scale;

/// <summary>One timed HTTP exchange: how long it took, its status and the size of its body.</summary>
internal sealed record Exchange(double Ms, int Status, long Bytes);

/// <summary>What one fresh process of one app measured.</summary>
internal sealed record RunMeasure
{
    public required string App { get; init; }

    /// <summary>Process start (just before <c>Process.Start</c>) to the first HTTP response of the polled operation route.</summary>
    public required double FirstResponseMs { get; init; }

    /// <summary>The polled request that got that response, from send to body read: the first call through the REST GET door (or the baseline GET).</summary>
    public required Exchange FirstGet { get; init; }

    public required int Polls { get; init; }

    public required double RssStartMb { get; init; }

    /// <summary>The first POST: <c>POST /api/v1/things1</c> for Hybrid, <c>POST /baseline/things1</c> for the baseline.</summary>
    public required Exchange FirstPost { get; init; }

    /// <summary>The first action (Hybrid only): <c>POST /_actions/CreateThing1</c>.</summary>
    public Exchange? FirstAction { get; init; }

    public Exchange? RestDocument { get; init; }

    public Exchange? ActionsDocument { get; init; }

    public double? RssAfterDocumentsMb { get; init; }

    public double? PeakRssMb { get; init; }

    /// <summary>The app's own phase times (ms) from its stderr; <c>spawnToMain</c> is computed here from its UTC clock.</summary>
    public required IReadOnlyDictionary<string, double> Phases { get; init; }

    /// <summary>The runtime's counters over each phase (for <c>spawnToMain</c>: everything before Main).</summary>
    public IReadOnlyDictionary<string, PhaseCounters> Counters { get; init; } = new Dictionary<string, PhaseCounters>();
}

/// <summary>What the runtime counted during one start-up phase: JIT time and methods (all threads) and bytes allocated.</summary>
internal sealed record PhaseCounters(double JitMs, double JitMethods, double AllocatedMb);

/// <summary>Starts a built app as a fresh process on a free loopback port, measures its cold start, and kills it.</summary>
internal static class AppRun
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RequestLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(3);
    private const string PostBody = /*lang=json,strict*/ """{"name":"scale","count":7}""";

    public static async Task<RunMeasure> MeasureAsync(string app, string dll, bool isHybrid)
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl);
        Command.CleanEnvironment(start);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("DOTNET_URLS");

        var output = new StringBuilder();
        var phasesLine = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Collect(output, e.Data, phasesLine);
        process.ErrorDataReceived += (_, e) => Collect(output, e.Data, phasesLine);

        using var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectTimeout = TimeSpan.FromSeconds(2),
            AllowAutoRedirect = false,
        };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = RequestLimit };
        var getPath = isHybrid ? "/api/v1/things0/1" : "/baseline/things0/1";

        var spawnUtcTicks = DateTime.UtcNow.Ticks;
        var clock = Stopwatch.StartNew();
        process.Start();
        try
        {
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            // 1. Poll a real operation route until the first HTTP response (connection refused until Kestrel listens).
            Exchange? first = null;
            var polls = 0;
            while (first is null)
            {
                if (clock.Elapsed > StartLimit)
                {
                    throw new TimeoutException($"{app} gave no HTTP response within {StartLimit.TotalSeconds:0} s:\n{Tail(output)}");
                }

                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{app} exited with {process.ExitCode.ToString(CultureInfo.InvariantCulture)} before answering:\n{Tail(output)}");
                }

                polls++;
                try
                {
                    first = await SendAsync(http, new HttpRequestMessage(HttpMethod.Get, getPath));
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(PollInterval);
                }
            }

            var firstResponseMs = clock.Elapsed.TotalMilliseconds;
            var rssStart = ReadStatusMb(process.Id, "VmRSS");
            if (first.Status != 200)
            {
                throw new InvalidOperationException($"{app}: GET {getPath} answered {first.Status.ToString(CultureInfo.InvariantCulture)}, not 200:\n{Tail(output)}");
            }

            // 2. The first call through each other door.
            var post = await SendAsync(http, Json(HttpMethod.Post, isHybrid ? "/api/v1/things1" : "/baseline/things1"));
            Exchange? action = null, restDocument = null, actionsDocument = null;
            double? rssDocuments = null;
            if (isHybrid)
            {
                // The action door also wants an antiforgery token, which this client does not fetch:
                // the time to its (refusing) answer is recorded with the status it gave.
                var request = Json(HttpMethod.Post, "/_actions/CreateThing1");
                request.Headers.Add("Sec-Fetch-Site", "same-origin");
                action = await SendAsync(http, request);

                // 3. Each document's cold build: first GET of each.
                restDocument = await SendAsync(http, new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json"));
                actionsDocument = await SendAsync(http, new HttpRequestMessage(HttpMethod.Get, "/openapi/actions.json"));
                rssDocuments = ReadStatusMb(process.Id, "VmRSS");
            }

            var peak = ReadStatusMb(process.Id, "VmHWM");
            var (phases, counters) = await ReadPhasesAsync(phasesLine.Task, spawnUtcTicks);
            return new RunMeasure
            {
                App = app,
                FirstResponseMs = firstResponseMs,
                FirstGet = first,
                Polls = polls,
                RssStartMb = rssStart,
                FirstPost = post,
                FirstAction = action,
                RestDocument = restDocument,
                ActionsDocument = actionsDocument,
                RssAfterDocumentsMb = rssDocuments,
                PeakRssMb = peak,
                Phases = phases,
                Counters = counters,
            };
        }
        finally
        {
            Stop(process);
        }
    }

    private static HttpRequestMessage Json(HttpMethod method, string path) =>
        new(method, path) { Content = new StringContent(PostBody, Encoding.UTF8, "application/json") };

    private static async Task<Exchange> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using (request)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            var body = await response.Content.ReadAsByteArrayAsync();
            var ms = clock.Elapsed.TotalMilliseconds;
            return new Exchange(ms, (int)response.StatusCode, body.LongLength);
        }
    }

    private static async Task<(Dictionary<string, double> Phases, Dictionary<string, PhaseCounters> Counters)> ReadPhasesAsync(Task<string> line, long spawnUtcTicks)
    {
        // Printed on ApplicationStarted, which may trail the first response by a moment.
        var phases = new Dictionary<string, double>(StringComparer.Ordinal);
        var counters = new Dictionary<string, PhaseCounters>(StringComparer.Ordinal);
        if (await Task.WhenAny(line, Task.Delay(TimeSpan.FromSeconds(5))) != line)
        {
            return (phases, counters);
        }

        // " name=ms:jitMs:methods:allocatedMB", the first one "mainUtcTicks=ticks:..." (see AppGenerator.PhasesMarker).
        foreach (var pair in (await line).Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length != 2)
            {
                continue;
            }

            var numbers = parts[1].Split(':').Select(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
            if (numbers.Length == 0 || double.IsNaN(numbers[0]))
            {
                continue;
            }

            var name = parts[0] == "mainUtcTicks" ? "spawnToMain" : parts[0];
            phases[name] = name == "spawnToMain" ? TimeSpan.FromTicks((long)numbers[0] - spawnUtcTicks).TotalMilliseconds : numbers[0];
            if (numbers.Length == 4)
            {
                counters[name] = new PhaseCounters(numbers[1], numbers[2], numbers[3]);
            }
        }

        return (phases, counters);
    }

    private static void Collect(StringBuilder output, string? line, TaskCompletionSource<string> phasesLine)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith(AppGenerator.PhasesMarker, StringComparison.Ordinal))
        {
            phasesLine.TrySetResult(line);
            return;
        }

        lock (output)
        {
            if (output.Length < 64 * 1024)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Tail(StringBuilder output)
    {
        lock (output)
        {
            return CommandResult.Tail(output.ToString(), 40);
        }
    }

    /// <summary>A kB figure of /proc/{pid}/status in MB (VmRSS: resident now; VmHWM: resident peak).</summary>
    private static double ReadStatusMb(int pid, string key)
    {
        foreach (var line in File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status"))
        {
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
            {
                var number = line[(key.Length + 1)..].Trim().Split(' ')[0];
                return double.Parse(number, CultureInfo.InvariantCulture) / 1024;
            }
        }

        throw new InvalidOperationException($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status has no {key}");
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        if (!process.WaitForExit(10_000))
        {
            Console.Error.WriteLine($"warning: process {process.Id.ToString(CultureInfo.InvariantCulture)} did not exit within 10 s of being killed");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Runs this client's own HTTP code paths (connect refused, GET, POST) against a throw-away
    /// loopback listener, so the first measured app does not pay for the measuring client's JIT.
    /// </summary>
    public static async Task WarmClientAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var server = Task.Run(async () =>
        {
            for (var i = 0; i < 6; i++)
            {
                using var client = await listener.AcceptTcpClientAsync(cancel.Token);
                var stream = client.GetStream();
                var buffer = new byte[8192];
                var received = new StringBuilder();
                while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, cancel.Token);
                    if (read == 0)
                    {
                        break;
                    }

                    received.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                var reply = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"u8.ToArray();
                await stream.WriteAsync(reply, cancel.Token);
            }
        }, cancel.Token);

        using var handler = new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(2) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"), Timeout = TimeSpan.FromSeconds(10) };
        for (var i = 0; i < 3; i++)
        {
            await SendAsync(http, new HttpRequestMessage(HttpMethod.Get, "/warm"));
            var post = Json(HttpMethod.Post, "/warm");
            post.Headers.Add("Sec-Fetch-Site", "same-origin");
            await SendAsync(http, post);
        }

        await server;
        using var refused = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri($"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}"), Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            await refused.GetAsync(new Uri("/", UriKind.Relative));
        }
        catch (HttpRequestException)
        {
            // Expected: nothing listens there.
        }
    }
}
