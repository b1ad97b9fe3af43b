namespace Hybrid;

/// <summary>
/// Lets a GET operation's REST answers be served from ASP.NET Core output caching for
/// <see cref="DurationSeconds"/>, tagged with <see cref="Tags"/> (templates over the route and query
/// values, e.g. <c>"post:{postId}"</c>) and with its path, varying by route and query values, and
/// never stored for an authenticated caller. A mutation that declares one of those tags or the path
/// stale (<see cref="RevalidatesAttribute"/>) evicts it. The app calls <c>AddOutputCache()</c> and
/// <c>UseOutputCache()</c>; without them nothing is cached.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ReadCacheAttribute : Attribute
{
    /// <summary>Declares the read's cache.</summary>
    /// <param name="durationSeconds">How long an answer may be served from the cache.</param>
    /// <param name="tags">Tag templates over the route and query values.</param>
    public ReadCacheAttribute(int durationSeconds, params string[] tags)
    {
        DurationSeconds = durationSeconds;
        Tags = tags;
    }

    /// <summary>How long an answer may be served from the cache, in seconds.</summary>
    public int DurationSeconds { get; }

    /// <summary>The tag templates.</summary>
    public IReadOnlyList<string> Tags { get; }
}
