namespace Blog.Posts;

/// <summary>Where a post is in its life; it travels by name (<c>"Published"</c>).</summary>
public enum PostStatus
{
    /// <summary>Being written: not listed for readers yet.</summary>
    Draft,

    /// <summary>Shown to readers from its publication date.</summary>
    Published,

    /// <summary>Kept, but no longer current.</summary>
    Archived,
}
