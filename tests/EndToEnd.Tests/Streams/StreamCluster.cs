using Hybrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.EndToEnd.Tests;

/// <summary>One redis-server and two Kestrel instances, A and B, of one app with stream operations, sharing it.</summary>
public sealed class StreamCluster : IAsyncLifetime
{
    public RedisServer Redis { get; } = new();

    public TestHost A { get; private set; } = null!;

    public TestHost B { get; private set; } = null!;

    /// <summary>A's client; it closes a connection whose response is disposed unread, as a cut does.</summary>
    public HttpClient ToA { get; private set; } = null!;

    /// <summary>B's client, likewise.</summary>
    public HttpClient ToB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Redis.InitializeAsync();
        A = await StartAsync(Redis.ConnectionString);
        B = await StartAsync(Redis.ConnectionString);
        (ToA, ToB) = (CuttingClient(A), CuttingClient(B));
    }

    /// <summary>
    /// A client that never drains the rest of a response it stopped reading (HttpClient would otherwise
    /// read it to the end to keep the connection): a disposed stream closes its connection, and the
    /// server sees the client leave.
    /// </summary>
    public static HttpClient CuttingClient(TestHost host) =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxResponseDrainSize = 0, ResponseDrainTimeout = TimeSpan.Zero })
        {
            BaseAddress = host.Client.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>An instance of the app on Kestrel, its streams logged in the Redis at <paramref name="redis"/>.</summary>
    public static Task<TestHost> StartAsync(string redis, RecordedLog? log = null) => TestHost.StartOnKestrelAsync(
        [new ScannedTypes(typeof(ScaleCount), typeof(ShortLivedCount), typeof(ScaleCountHandler), typeof(ShortLivedCountHandler))],
        configure: o => o.Streams.MaxOpenPerUser = 10_000,
        services: s =>
        {
            log?.AddTo(s);
            s.AddSingleton<ScaleProbe>();
            s.AddHybridRedis(redis, "StreamScaleOut");
        },
        map: app =>
        {
            app.MapHybridActions();
            app.MapHybridRest();
        });

    public async Task DisposeAsync()
    {
        ToA?.Dispose();
        ToB?.Dispose();
        if (B is not null)
        {
            await B.DisposeAsync();
        }

        if (A is not null)
        {
            await A.DisposeAsync();
        }

        await Redis.DisposeAsync();
    }
}
