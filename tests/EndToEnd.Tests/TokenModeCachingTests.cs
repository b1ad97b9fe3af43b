namespace Hybrid.EndToEnd.Tests;

/// <summary>A page that holds antiforgery tokens is one user's: it is never stored in the output cache.</summary>
[Collection(TokenModeBlogCollection.Name)]
public sealed class TokenModeCachingTests(TokenModeBlogServer blog)
{
    [Fact]
    public async Task A_post_page_with_tokens_is_rendered_for_each_visitor()
    {
        using var client = blog.CreateClient();

        using var first = await client.GetAsync(new Uri("/posts/1", UriKind.Relative));
        using var second = await client.GetAsync(new Uri("/posts/1", UriKind.Relative));

        first.EnsureSuccessStatusCode();
        second.Headers.Age.Should().BeNull("a page with antiforgery tokens is not served from the cache");
        second.Headers.CacheControl!.NoStore.Should().BeTrue();
    }
}
