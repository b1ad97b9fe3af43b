using Microsoft.Playwright;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// The post page's comment form with JavaScript on, in Chromium: Hybrid.Actions' enhancement script
/// (no code of the Blog's own) posts the same multipart body the plain form would, asking for JSON;
/// a valid comment appears without a reload (the comments region re-rendered from the page), an
/// invalid one shows its error in place and leaves the typed text and the focus where they were.
/// </summary>
[Collection(BlogCollection.Name)]
public sealed class EnhancedCommentFormTests(BlogServer blog)
{
    [Fact]
    public async Task A_comment_posted_through_the_enhanced_form_appears_without_a_reload()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(javaScript: true);
        var calls = new List<string>();
        page.Request += (_, request) =>
        {
            var path = new Uri(request.Url).AbsolutePath;
            if (request.ResourceType == "fetch" || path.StartsWith("/_actions/", StringComparison.Ordinal))
            {
                var type = request.Headers.GetValueOrDefault("content-type")?.Split(';')[0];
                calls.Add(string.Join(' ', new[] { request.Method, path, type, request.Headers.GetValueOrDefault("accept") }.Where(part => !string.IsNullOrEmpty(part))));
            }
        };
        await page.GotoAsync(new Uri(blog.BaseAddress, "/posts/1").ToString());
        await page.EvaluateAsync("() => { window.__notReloaded = true; document.addEventListener('hybrid:refreshed', () => { window.__refreshed = true; }); }");
        await page.FillAsync("input[name=author]", "Script");
        await page.FillAsync("textarea[name=body]", "Added by the enhanced form");
        await page.ClickAsync("#comment-form button[type=submit]");

        // Shown once, whether the live list or the refreshed region showed it first.
        await page.WaitForFunctionAsync("() => window.__refreshed === true");
        await Assertions.Expect(page.Locator("#comments li.comment").Filter(new LocatorFilterOptions { HasText = "Added by the enhanced form" })).ToHaveCountAsync(1);
        (await page.EvaluateAsync<bool>("() => window.__notReloaded === true")).Should().BeTrue("the page was not reloaded");
        page.Url.Should().Be(new Uri(blog.BaseAddress, "/posts/1").ToString());

        // The live comment list's stream, open since the page loaded, then the plain form's body to the
        // same action, not queued behind the stream, then the page itself for the region its answer named stale.
        calls.Should().Equal(
            "POST /_actions/FollowComments application/json text/event-stream",
            "POST /_actions/CreateComment multipart/form-data application/json",
            "GET /posts/1 text/html");
        await Assertions.Expect(page.Locator("input[name=author]")).ToHaveValueAsync("", new LocatorAssertionsToHaveValueOptions { Timeout = 5_000 });
        await Assertions.Expect(page.Locator("#comment-form")).Not.ToHaveAttributeAsync("aria-busy", "true");
    }

    [Fact]
    public async Task An_invalid_comment_shows_the_error_in_place_and_keeps_the_text_and_the_focus()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(javaScript: true);
        await page.GotoAsync(new Uri(blog.BaseAddress, "/posts/1").ToString());
        await page.EvaluateAsync("() => { window.__notReloaded = true; }");
        await page.FillAsync("textarea[name=body]", "   ");
        await page.FillAsync("input[name=author]", "Script");

        // Enter in a field submits the form with the focus staying in it.
        await page.PressAsync("input[name=author]", "Enter");

        await Assertions.Expect(page.Locator("[data-hybrid-error-for=body]")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("[data-hybrid-error-for=body]")).ToHaveAttributeAsync("role", "alert");
        await Assertions.Expect(page.Locator("textarea[name=body]")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("[data-hybrid-error-for=author]")).ToBeEmptyAsync();
        (await page.EvaluateAsync<bool>("() => window.__notReloaded === true")).Should().BeTrue();
        await Assertions.Expect(page.Locator("textarea[name=body]")).ToHaveValueAsync("   ");
        await Assertions.Expect(page.Locator("input[name=author]")).ToHaveValueAsync("Script");
        await Assertions.Expect(page.Locator("input[name=author]")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#comment-form button[type=submit]")).ToBeEnabledAsync();
    }
}
