namespace Blog.Pages;

/// <summary>The sample's output-cache policy names.</summary>
public static class BlogCaching
{
    /// <summary>The post page: 60 s, tagged <c>post:{postId}</c> and with its path, so a new comment through any door evicts it.</summary>
    public const string PostPage = "post-page";
}
