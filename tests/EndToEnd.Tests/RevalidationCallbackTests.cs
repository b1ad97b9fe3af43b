using Microsoft.Playwright;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// Two tabs on the same post: a comment added through the enhanced form in one reaches the other
/// without a reload. The answer's Hybrid-Revalidated header names post:{id}; the enhancement script
/// re-renders the region marked with that tag (the comment list) and tells the app's other tabs on a
/// BroadcastChannel, which re-render theirs.
/// </summary>
[Collection(BlogCollection.Name)]
public sealed class RevalidationCallbackTests(BlogServer blog)
{
    [Fact]
    public async Task A_comment_added_in_one_tab_refreshes_the_comments_region_of_the_other()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var context = await chromium.Browser.NewContextAsync();
        var post = new Uri(blog.BaseAddress, "/posts/1").ToString();
        var writer = await context.NewPageAsync();
        var reader = await context.NewPageAsync();
        await writer.GotoAsync(post);
        await reader.GotoAsync(post);
        await reader.EvaluateAsync("() => { window.__notReloaded = true; document.addEventListener('hybrid:refreshed', e => { window.__refreshed = e.target.id; }); }");
        var text = "Seen in the other tab " + Guid.NewGuid().ToString("N")[..8];

        await writer.FillAsync("input[name=author]", "Tab one");
        await writer.FillAsync("textarea[name=body]", text);
        await writer.ClickAsync("#comment-form button[type=submit]");

        await Assertions.Expect(reader.Locator("#comments li.comment").Filter(new LocatorFilterOptions { HasText = text })).ToHaveCountAsync(1);
        (await reader.EvaluateAsync<bool>("() => window.__notReloaded === true")).Should().BeTrue("the list was refreshed in place");
        // The live list may show the comment first; the region is re-rendered all the same.
        (await (await reader.WaitForFunctionAsync("() => window.__refreshed")).JsonValueAsync<string>()).Should().Be("comments", "the region, not the page, was re-rendered");
        await Assertions.Expect(writer.Locator("#comments li.comment").Filter(new LocatorFilterOptions { HasText = text })).ToHaveCountAsync(1);
    }
}
