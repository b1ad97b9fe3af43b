using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// A redis-server of its own (eng/install-test-prerequisites.sh installs it) on a free loopback port,
/// with no persistence and a fresh temp folder; <see cref="StopAsync"/> and <see cref="StartAsync"/>
/// take it down and bring it back (empty) on the same port mid-test.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hybrid-redis-").FullName;
    private Process? _process;

    public int Port { get; } = RunningApp.FreePort();

    /// <summary>The StackExchange.Redis connection string for this server.</summary>
    public string ConnectionString => "127.0.0.1:" + Port;

    public Task InitializeAsync() => StartAsync();

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("redis-server")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", string.Empty, "--appendonly", "no", "--dir", _folder, "--protected-mode", "yes" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start; run eng/install-test-prerequisites.sh.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await AnswersPingAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"redis-server did not answer PING on port {Port}.");
            }

            await Task.Delay(50);
        }
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Sends PING over RESP and says whether +PONG came back.</summary>
    public async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("PING\r\n"), timeout.Token);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process: the temp folder is the OS's to clean.
        }
    }
}
