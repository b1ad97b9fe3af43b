namespace Hybrid;

/// <summary>
/// Declares what the operation makes stale when its handler succeeds, through either door: cache
/// tags (<c>"posts"</c>, <c>"post:{postId}"</c>, <c>"comment:{result.id}"</c>) and paths
/// (<c>"/posts/{postId}"</c>, any target starting with <c>/</c>). Placeholders name members of the
/// request, or of the handler's result after <c>result.</c>; one that names neither stops the app at
/// start-up (HYB050). Output-cache entries (pages and REST GETs) and HybridCache entries with those
/// tags are evicted, and the answer names them in its <c>Hybrid-Revalidated</c> header. A handler adds
/// more at run time through <see cref="IRevalidation"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RevalidatesAttribute : Attribute
{
    /// <summary>Declares stale tags and paths.</summary>
    /// <param name="targets">Tag and path templates.</param>
    public RevalidatesAttribute(params string[] targets) => Targets = targets;

    /// <summary>The tag and path templates.</summary>
    public IReadOnlyList<string> Targets { get; }
}
