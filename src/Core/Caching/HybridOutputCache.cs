using Microsoft.AspNetCore.OutputCaching;

namespace Hybrid;

/// <summary>
/// Output-cache policies that follow Hybrid's revalidation, for endpoints that are not operations
/// (pages, hand-written endpoints). REST reads declare <see cref="ReadCacheAttribute"/> instead.
/// </summary>
public static class HybridOutputCache
{
    /// <summary>
    /// A cached read, as a REST GET with <see cref="ReadCacheAttribute"/> is cached: tagged with
    /// <paramref name="tags"/> (templates over route and query values, e.g. <c>"post:{id}"</c>) and
    /// with its path, so an operation that declares either stale evicts it; never for an
    /// authenticated caller; varying by query values. Register it as a named policy, e.g.
    /// <c>options.AddPolicy("post-page", HybridOutputCache.Read(60, "post:{id}"))</c>, and put
    /// <c>[OutputCache(PolicyName = "post-page")]</c> on the page.
    /// </summary>
    /// <param name="durationSeconds">How long an answer may be served from the cache.</param>
    /// <param name="tags">Tag templates over the route and query values.</param>
    /// <returns>The policy.</returns>
    public static IOutputCachePolicy Read(int durationSeconds, params string[] tags)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(durationSeconds, 1);
        return new ReadCachePolicy(TimeSpan.FromSeconds(durationSeconds), tags);
    }
}
