namespace Hybrid;

/// <summary>
/// Lets a handler mark more tags and paths stale at run time than its operation declares (e.g. a
/// webhook that learns the post of a comment only when it loads it). Inject it into the handler; what
/// it collects is revalidated with the declared targets, once, after the handler succeeded.
/// </summary>
public interface IRevalidation
{
    /// <summary>Marks a cache tag stale.</summary>
    /// <param name="tag">The tag, e.g. <c>post:42</c>.</param>
    void Tag(string tag);

    /// <summary>Marks a path stale: cached answers of that path (pages and REST GETs) are evicted.</summary>
    /// <param name="path">The path, starting with <c>/</c>.</param>
    void Path(string path);
}
