using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// The sample, started the way the README starts it (<c>dotnet run --project samples/Blog</c>),
/// on Kestrel at 127.0.0.1 with a port the OS picks and a SQLite file in a fresh temp folder.
/// </summary>
public partial class BlogServer : IAsyncLifetime
{
    private readonly StringBuilder _log = new();
    private Process? _process;

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("hybrid-blog-").FullName;

    /// <summary>The SQLite file; a derived server may point several instances at one file.</summary>
    public virtual string DatabasePath => Path.Combine(DataFolder, "blog.db");

    /// <summary>True when the database file did not exist before the sample started.</summary>
    public bool DatabaseWasFresh { get; private set; }

    public Uri BaseAddress { get; private set; } = null!;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public HttpClient CreateClient() => new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    /// <summary>A client that keeps cookies like a browser and, when the page set an XSRF-TOKEN (token mode), sends it back in X-XSRF-TOKEN.</summary>
    public async Task<HttpClient> CreateSessionAsync()
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
        (await client.GetAsync(new Uri("/posts/1", UriKind.Relative))).EnsureSuccessStatusCode();
        if (cookies.GetCookies(BaseAddress)["XSRF-TOKEN"]?.Value is { } token)
        {
            client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", token);
        }

        return client;
    }

    /// <summary>
    /// The comment rate limit the sample runs with: high, since a test class's many comments all come
    /// from 127.0.0.1; the rate-limit test's server lowers it.
    /// </summary>
    protected virtual int CommentsPerMinute => 10_000;

    /// <summary>More command-line settings for the sample (a derived server runs another mode).</summary>
    protected virtual IEnumerable<string> ExtraArguments => [];

    public async Task InitializeAsync()
    {
        DatabaseWasFresh = !File.Exists(DatabasePath);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "run", "--project", "samples/Blog", "--no-build", "-c", Repository.Configuration, "--", "--urls", "http://127.0.0.1:0", "--Blog:Database=" + DatabasePath, "--Blog:CommentsPerMinute=" + CommentsPerMinute }.Concat(ExtraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data, listening);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data, listening);
        _process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The sample exited before listening:\n" + Log));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        BaseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process: the temp folder is the OS's to clean.
        }

        return Task.CompletedTask;
    }

    private void OnLine(string? line, TaskCompletionSource<Uri> listening)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }

        var match = ListeningLine().Match(line);
        if (match.Success)
        {
            listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}

[CollectionDefinition(Name)]
public sealed class BlogCollection : ICollectionFixture<BlogServer>
{
    public const string Name = "blog";
}
