using StackExchange.Redis;

namespace Hybrid;

/// <summary>
/// The one multiplexer an app's Redis stores share, connected on first use. Timeouts default short
/// and commands fail at once while disconnected: every user of it is a cache (or falls back to an
/// error the client can retry), so an outage should cost a request milliseconds, not seconds.
/// </summary>
internal sealed class RedisConnection
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection;

    public RedisConnection(string connectionString)
    {
        Options = ConfigurationOptions.Parse(connectionString);
        var named = connectionString.ToUpperInvariant();

        // Without this a Redis that is down at start-up stops the app; it reconnects by itself later.
        if (!named.Contains("ABORTCONNECT", StringComparison.Ordinal))
        {
            Options.AbortOnConnectFail = false;
        }

        if (!named.Contains("CONNECTTIMEOUT", StringComparison.Ordinal))
        {
            Options.ConnectTimeout = 2000;
        }

        if (!named.Contains("SYNCTIMEOUT", StringComparison.Ordinal))
        {
            Options.SyncTimeout = 2000;
        }

        if (!named.Contains("ASYNCTIMEOUT", StringComparison.Ordinal))
        {
            Options.AsyncTimeout = 2000;
        }

        Options.BacklogPolicy = BacklogPolicy.FailFast;
        _connection = new(async () => await ConnectionMultiplexer.ConnectAsync(Options).ConfigureAwait(false));
    }

    public ConfigurationOptions Options { get; }

    public Task<IConnectionMultiplexer> ConnectAsync() => _connection.Value;

    /// <summary>The database, for Data Protection's repository, which asks for it synchronously.</summary>
    public IDatabase Database() => ConnectAsync().GetAwaiter().GetResult().GetDatabase();
}
