using Microsoft.Playwright;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// Two tabs on the same post: a comment added in one reaches the other through the Hybrid-Revalidated
/// header, the page's onRevalidated callback and a BroadcastChannel, without a reload.
/// </summary>
[Collection(BlogCollection.Name)]
public sealed class RevalidationCallbackTests(BlogServer blog)
{
    [Fact]
    public async Task A_comment_added_in_one_tab_appears_in_the_other_through_the_revalidation_callback()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var context = await chromium.Browser.NewContextAsync();
        var post = new Uri(blog.BaseAddress, "/posts/1").ToString();
        var writer = await context.NewPageAsync();
        var reader = await context.NewPageAsync();
        await writer.GotoAsync(post);
        await reader.GotoAsync(post);
        await reader.EvaluateAsync("() => { window.__notReloaded = true; }");
        var text = "Seen in the other tab " + Guid.NewGuid().ToString("N")[..8];

        await writer.FillAsync("input[name=author]", "Tab one");
        await writer.FillAsync("textarea[name=body]", text);
        await writer.ClickAsync("#comment-form button[type=submit]");

        await Assertions.Expect(reader.Locator("#comments li.comment").Filter(new LocatorFilterOptions { HasText = text })).ToHaveCountAsync(1);
        (await reader.EvaluateAsync<bool>("() => window.__notReloaded === true")).Should().BeTrue("the list was refreshed in place");
        await Assertions.Expect(writer.Locator("#comments li.comment").Filter(new LocatorFilterOptions { HasText = text })).ToHaveCountAsync(1);
    }
}
