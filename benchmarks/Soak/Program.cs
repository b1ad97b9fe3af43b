using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Hybrid.Soak;

// The soak driver: `bash benchmarks/soak.sh [seconds]` starts the Blog and runs this against it.
// Concurrent clients send the mix (Workload) until the time is up, while the server's RSS is sampled;
// then the Blog's SQLite file is checked against what the clients were told: every accepted write
// stored exactly once, nothing stored twice, nothing stored from a body cut off halfway. Prints a
// summary and exits 1 when a check fails (2 on bad arguments).
if (SoakOptions.Parse(args) is not { } options)
{
    return 2;
}

using var client = new HttpClient(new SocketsHttpHandler
{
    UseCookies = false,
    AllowAutoRedirect = false,
    MaxConnectionsPerServer = options.Clients * 3,
})
{
    BaseAddress = options.BaseAddress,
    Timeout = TimeSpan.FromSeconds(60),
};

// ada, an editor, signs in through the SignIn action as the login page does; the action SavePost posts with her cookie.
using var signIn = new HttpRequestMessage(HttpMethod.Post, "/_actions/SignIn") { Content = JsonContent.Create(new { userName = "ada", password = "hybrid-sample" }) };
signIn.Headers.Add("Origin", options.BaseAddress.GetLeftPart(UriPartial.Authority));
using var signedIn = await client.SendAsync(signIn);
if (!signedIn.IsSuccessStatusCode || !signedIn.Headers.TryGetValues("Set-Cookie", out var setCookies))
{
    Console.Error.WriteLine($"soak: signing ada in answered {(int)signedIn.StatusCode}: {await signedIn.Content.ReadAsStringAsync()}");
    return 1;
}

var cookie = string.Join("; ", setCookies.Select(c => c.Split(';', 2)[0]));
var tally = new Tally();
var ledger = new Ledger(Guid.NewGuid().ToString("N")[..8]);
var workload = new Workload(options, client, tally, ledger, cookie);

Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"soak: {options.Clients} clients, mix {(options.WritesOnly ? "writes" : "all")}, {options.Duration.TotalSeconds:0} s (RSS baseline after {options.WarmUp.TotalSeconds:0} s), against {options.BaseAddress}"));
var clock = Stopwatch.StartNew();
double? rssWarm = null;
double rssPeak = 0;
double logPeak = 0;
using var stop = new CancellationTokenSource();
var monitor = Task.Run(async () =>
{
    var nextReport = TimeSpan.FromSeconds(30);
    while (!stop.IsCancellationRequested)
    {
        if (ServerMemory.RssMb(options.ServerPid) is { } rss)
        {
            rssPeak = Math.Max(rssPeak, rss);
            var log = DatabaseFiles.LogMb(options.DatabasePath);
            logPeak = Math.Max(logPeak, log);
            if (rssWarm is null && clock.Elapsed >= options.WarmUp)
            {
                rssWarm = rss;
            }

            if (clock.Elapsed >= nextReport)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"soak: {clock.Elapsed.TotalSeconds:0} s, {tally.Count(_ => true)} requests, RSS {rss:0.0} MB, WAL {log:0.0} MB, {tally.ServerErrors} 5xx, {tally.Unexpected} unexpected"));
                nextReport += TimeSpan.FromSeconds(30);
            }
        }

        try
        {
            await Task.Delay(1000, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }
});

var clients = Enumerable.Range(0, options.Clients).Select(_ => Task.Run(async () =>
{
    while (clock.Elapsed < options.Duration)
    {
        try
        {
            await workload.NextAsync();
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or HttpRequestException)
        {
            tally.Problem($"client: {e.GetType().Name}: {e.Message}");
        }
    }
})).ToArray();
await Task.WhenAll(clients);
var elapsed = clock.Elapsed;
var rssEnd = ServerMemory.RssMb(options.ServerPid);
var logEnd = DatabaseFiles.LogMb(options.DatabasePath);
await stop.CancelAsync();
await monitor;

// Writes whose answer was dropped may still be finishing on the server.
await Task.Delay(TimeSpan.FromSeconds(2));
var verification = Verification.Check(options.DatabasePath, ledger);

var writes = tally.Count(kind => kind.StartsWith("write", StringComparison.Ordinal));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## Soak: {elapsed.TotalSeconds:0} s, {options.Clients} clients, mix {(options.WritesOnly ? "writes" : "all")}"));
Console.WriteLine();
Console.WriteLine(tally.Table(elapsed));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- write requests: {writes} ({writes / elapsed.TotalSeconds:0.0}/s); writes accepted: {verification.Accepted} ({verification.Accepted / elapsed.TotalSeconds:0.0}/s), stored exactly once: {verification.AcceptedStoredOnce}"));
Console.WriteLine($"- aborted mid-body: {verification.Aborted}, stored: {verification.AbortedStored}; never confirmed: {verification.Unconfirmed}, of which stored: {verification.UnconfirmedStored}");
Console.WriteLine($"- lost (accepted, not stored): {verification.Lost}; stored more than once: {verification.Duplicated}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- server RSS: {rssWarm:0.0} MB after the warm-up, {rssEnd:0.0} MB at the end, peak {rssPeak:0.0} MB"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- database: {DatabaseFiles.DatabaseMb(options.DatabasePath):0.0} MB; write-ahead log {logEnd:0.0} MB at the end, peak {logPeak:0.0} MB"));
Console.WriteLine();

var checks = new (string What, bool Passed)[]
{
    ($"no 5xx ({tally.ServerErrors})", tally.ServerErrors == 0),
    ($"no unexpected answer or transport error ({tally.Unexpected})", tally.Unexpected == 0),
    ($"every accepted write stored ({verification.Lost} lost)", verification.Lost == 0),
    ($"nothing stored twice ({verification.Duplicated} duplicated, {verification.DuplicatedAfterDroppedResponse} of them after a dropped response)",
        verification.Duplicated == 0),
    ($"nothing stored from a body cut off mid-way ({verification.AbortedStored} stored)", verification.AbortedStored == 0),
    ("writes were accepted", verification.Accepted > 0),
    (string.Create(CultureInfo.InvariantCulture, $"final RSS <= {options.RssLimit} x the post-warm-up RSS ({rssEnd:0.0} / {rssWarm:0.0} = {rssEnd / rssWarm:0.00})"), rssWarm is not null && rssEnd is not null && rssEnd <= options.RssLimit * rssWarm),
};
foreach (var (what, passed) in checks)
{
    Console.WriteLine($"{(passed ? "PASS" : "FAIL")}: {what}");
}

foreach (var problem in tally.Problems.Concat(verification.Examples))
{
    Console.WriteLine("  " + problem);
}

return checks.All(c => c.Passed) ? 0 : 1;
