using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Hybrid;

/// <summary>
/// The open streams of this instance, per caller and in all (<see cref="HybridStreamOptions.MaxOpenPerUser"/>,
/// <see cref="HybridStreamOptions.MaxOpenPerApp"/>): a stream takes a lease before its first byte and
/// gives it back when it ends, however it ends.
/// </summary>
internal sealed class StreamLimits(IOptions<HybridOptions> options)
{
    private readonly HybridStreamOptions _options = options.Value.Streams;
    private readonly ConcurrentDictionary<string, int> _perCaller = new(StringComparer.Ordinal);
    private int _open;

    /// <summary>Streams open now on this instance.</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>A lease for one more stream of the request's caller, or null when the caller or the app is at its limit.</summary>
    public Lease? TryOpen(HttpContext context)
    {
        var caller = CallerOf(context);
        if (Interlocked.Increment(ref _open) > _options.MaxOpenPerApp)
        {
            Interlocked.Decrement(ref _open);
            return null;
        }

        var count = _perCaller.AddOrUpdate(caller, 1, static (_, n) => n + 1);
        if (count > _options.MaxOpenPerUser)
        {
            Release(caller);
            return null;
        }

        return new Lease(this, caller);
    }

    private static string CallerOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name } ? "user:" + name
        : "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private void Release(string caller)
    {
        Interlocked.Decrement(ref _open);
        while (_perCaller.TryGetValue(caller, out var n))
        {
            if (n <= 1 ? _perCaller.TryRemove(new KeyValuePair<string, int>(caller, n)) : _perCaller.TryUpdate(caller, n - 1, n))
            {
                return;
            }
        }
    }

    /// <summary>One open stream; disposing it gives the place back, once.</summary>
    public sealed class Lease(StreamLimits limits, string caller) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                limits.Release(caller);
            }
        }
    }
}
