namespace Hybrid.EndToEnd.Tests;

/// <summary>The sample on its own database for the tests that write posts, so the shared one keeps exactly its two seeded posts.</summary>
public sealed class EditingBlogServer : BlogServer;

[CollectionDefinition(Name)]
public sealed class EditingBlogCollection : ICollectionFixture<EditingBlogServer>
{
    public const string Name = "blog whose posts are written";
}
