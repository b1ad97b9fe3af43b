namespace Blog.Posts;

/// <summary>Where a post is in its life; it travels by name (<c>"Published"</c>).</summary>
public enum PostStatus
{
    /// <summary>Being written.</summary>
    Draft,

    /// <summary>Meant for readers from its publication date.</summary>
    Published,

    /// <summary>Kept, but no longer current.</summary>
    Archived,
}
