using System.Net.Sockets;
using System.Text;
using Hybrid.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Security.Tests.Faults;

/// <summary>
/// A body trickled in below Kestrel's minimum data rate (a slowloris on the body): Kestrel ends the
/// read, the door answers a 408 <c>body_too_slow</c> problem and the connection closes, the handler never runs and
/// nothing is stored. The rate here is raised so the test takes seconds, not the default's minutes.
/// </summary>
public sealed class SlowBodyTests
{
    [Theory]
    [InlineData("/_actions/SlowWrite")]
    [InlineData("/api/v1/slow-writes")]
    [InlineData("/api/v1/committed-writes")]
    public async Task A_body_slower_than_the_minimum_rate_is_cut_off_before_the_handler(string path)
    {
        await using var host = await FaultHost.StartAsync(services: s => s.Configure<KestrelServerOptions>(k =>
            k.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 500, gracePeriod: TimeSpan.FromSeconds(2))));
        var address = host.Client.BaseAddress!;
        var marker = "slow-" + new string('x', 20_000);
        var body = "{\"holdMilliseconds\":1,\"marker\":\"" + marker + "\"}";

        using var socket = new TcpClient();
        await socket.ConnectAsync(address.Host, address.Port);
        var stream = socket.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {address.Authority}\r\nOrigin: {address.GetLeftPart(UriPartial.Authority)}\r\nAccept: application/json\r\nContent-Type: application/json\r\nIdempotency-Key: slow-1\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        // 20 bytes every 200 ms is 100 bytes/s, a fifth of the minimum: cut off after the grace period.
        var answer = new StringBuilder();
        var reading = ReadAllAsync(stream, answer);
        var sent = 0;
        var bytes = Encoding.UTF8.GetBytes(body);
        while (sent < bytes.Length && !reading.IsCompleted)
        {
            try
            {
                await stream.WriteAsync(bytes.AsMemory(sent, 20));
            }
            catch (IOException)
            {
                break;
            }

            sent += 20;
            await Task.Delay(200);
        }

        await reading.WaitAsync(TimeSpan.FromSeconds(30));
        sent.Should().BeLessThan(bytes.Length, "the server must stop waiting long before the body is complete");
        var text = answer.ToString();
        text.Should().StartWith("HTTP/1.1 408").And.Contain("application/problem+json").And.Contain("\"code\":\"body_too_slow\"");
        text.Should().NotContain("Exception").And.NotContain(" at ");

        host.Probe.Runs.Should().Be(0);
        host.Database.Count(marker).Should().Be(0);
        host.Log.Entries.Should().NotContain(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task The_same_body_at_full_speed_is_stored()
    {
        await using var host = await FaultHost.StartAsync(services: s => s.Configure<KestrelServerOptions>(k =>
            k.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 500, gracePeriod: TimeSpan.FromSeconds(2))));
        var marker = "fast-" + new string('x', 20_000);

        using var response = await host.Client.SendAsync(host.Post(DoorCases.Rest, "SlowWrite", "slow-writes", new { holdMilliseconds = 1, marker }));

        response.IsSuccessStatusCode.Should().BeTrue();
        host.Database.Count(marker).Should().Be(1);
    }

    /// <summary>Everything the server sends until it closes the connection.</summary>
    private static async Task ReadAllAsync(NetworkStream stream, StringBuilder answer)
    {
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
        }
        catch (IOException)
        {
        }
    }
}
