namespace Hybrid.EndToEnd.Tests;

/// <summary>The sample with its comment limit at 3 a minute, as an operator would tighten it.</summary>
public sealed class RateLimitedBlogServer : BlogServer
{
    protected override int CommentsPerMinute => 3;
}

[CollectionDefinition(Name)]
public sealed class RateLimitedBlogCollection : ICollectionFixture<RateLimitedBlogServer>
{
    public const string Name = "blog with a tight comment limit";
}
