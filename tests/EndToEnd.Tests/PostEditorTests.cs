using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// The Blog's post editor (/posts/new, editors only): one Razor form for SavePost marked
/// <c>hybrid-enhance</c>, with no script of its own but the "add section" row. With JavaScript the
/// enhancement script shows <c>aria-busy</c> while the post is pending, errors in place without a
/// navigation, and follows the server to the new post; with JavaScript off the same markup posts
/// plainly and the door's 303s do the same.
/// </summary>
[Collection(EditingBlogCollection.Name)]
public sealed partial class PostEditorTests(EditingBlogServer blog)
{
    /// <summary>A 1×1 transparent PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private string Editor => new Uri(blog.BaseAddress, "/posts/new").ToString();

    [Fact]
    public async Task A_blank_title_and_a_bad_date_show_both_errors_in_place_with_the_form_busy_while_pending_and_nothing_lost()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await SignedInEditorAsync(chromium, javaScript: true);
        await page.EvaluateAsync("() => { window.__notReloaded = true; }");

        // Held until the test has seen the pending state.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/_actions/SavePost", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });

        // Only spaces: the browser's `required` lets it through, the server's [Required] does not.
        await page.FillAsync("input[name=title]", "   ");
        await page.FillAsync("textarea[name=summary]", "Kept summary");
        await TypeBadDateAsync(page);
        await page.SelectOptionAsync("select[name=status]", "Archived");
        await page.FillAsync("input[name=tags] >> nth=0", "kept-tag");
        await page.FillAsync("input[name='sections[0].heading']", "Kept heading");
        await page.FillAsync("textarea[name='sections[0].body']", "Kept text");
        await page.ClickAsync("#editor-form button[type=submit]");

        await Assertions.Expect(page.Locator("#editor-form")).ToHaveAttributeAsync("aria-busy", "true");
        await Assertions.Expect(page.Locator("#editor-form button[type=submit]")).ToBeDisabledAsync();
        release.SetResult();

        await Assertions.Expect(page.Locator("[data-hybrid-error-for=title]")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("[data-hybrid-error-for=publishOn]")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("#editor-form")).Not.ToHaveAttributeAsync("aria-busy", "true");
        await Assertions.Expect(page.Locator("#editor-form button[type=submit]")).ToBeEnabledAsync();
        page.Url.Should().Be(Editor, "a failure does not navigate");
        (await page.EvaluateAsync<bool>("() => window.__notReloaded === true")).Should().BeTrue("the errors came in place");
        await Assertions.Expect(page.Locator("input[name=title]")).ToHaveValueAsync("   ");
        await Assertions.Expect(page.Locator("textarea[name=summary]")).ToHaveValueAsync("Kept summary");
        await Assertions.Expect(page.Locator("input[name=publishOn]")).ToHaveValueAsync("31/02/2026");
        await Assertions.Expect(page.Locator("select[name=status]")).ToHaveValueAsync("Archived");
        await Assertions.Expect(page.Locator("input[name=tags] >> nth=0")).ToHaveValueAsync("kept-tag");
        await Assertions.Expect(page.Locator("input[name='sections[0].heading']")).ToHaveValueAsync("Kept heading");
        await Assertions.Expect(page.Locator("[data-hybrid-error-for='sections[0].heading']")).ToBeEmptyAsync();
    }

    [Fact]
    public async Task A_valid_post_with_two_sections_and_a_cover_lands_on_the_new_post()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await SignedInEditorAsync(chromium, javaScript: true);
        var title = "Enhanced " + Guid.NewGuid().ToString("N")[..8];
        await page.FillAsync("input[name=title]", title);
        await page.FillAsync("textarea[name=summary]", "Written in the browser");
        await page.SelectOptionAsync("select[name=status]", "Published");
        await page.FillAsync("input[name=publishOn]", "2026-05-01");
        await page.FillAsync("input[name=tags] >> nth=0", "browser");
        await page.FillAsync("input[name=tags] >> nth=1", "forms");
        await page.FillAsync("input[name='sections[0].heading']", "First");
        await page.FillAsync("textarea[name='sections[0].body']", "The first section.");
        await page.ClickAsync("#add-section");
        await page.FillAsync("input[name='sections[1].heading']", "Second");
        await page.FillAsync("textarea[name='sections[1].body']", "The second section.");
        await page.SetInputFilesAsync("input[name=cover]", new FilePayload { Name = "cover.png", MimeType = "image/png", Buffer = Png });

        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#editor-form button[type=submit]"), r => r.Request.IsNavigationRequest && PostUrl().IsMatch(r.Url));

        await page.WaitForURLAsync(PostUrl(), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("h1#title")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator("article")).ToContainTextAsync("The second section.");
        await AssertCoverAsync(page.Url);
    }

    [Fact]
    public async Task With_JavaScript_off_one_submit_brings_back_every_error_and_value_and_then_lands_on_the_new_post()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await SignedInEditorAsync(chromium, javaScript: false);
        await Assertions.Expect(page.Locator("#add-section")).ToBeHiddenAsync();
        await page.FillAsync("input[name=title]", "   ");
        await page.FillAsync("textarea[name=summary]", "No script");
        await TypeBadDateAsync(page);
        await page.SelectOptionAsync("select[name=status]", "Archived");
        await page.FillAsync("input[name=tags] >> nth=1", "second-tag");
        await page.FillAsync("input[name='sections[0].heading']", "Plain");
        await page.FillAsync("textarea[name='sections[0].body']", "Posted without JavaScript.");
        await Chromium.SubmitAsync(page, () => page.ClickAsync("#editor-form button[type=submit]"), Editor);

        await Assertions.Expect(page.Locator("[data-hybrid-error-for=title]")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("[data-hybrid-error-for=publishOn]")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("textarea[name=summary]")).ToHaveValueAsync("No script");
        await Assertions.Expect(page.Locator("select[name=status]")).ToHaveValueAsync("Archived");
        await Assertions.Expect(page.Locator("input[name=tags] >> nth=1")).ToHaveValueAsync("second-tag");
        await Assertions.Expect(page.Locator("input[name='sections[0].heading']")).ToHaveValueAsync("Plain");

        var title = "Plain " + Guid.NewGuid().ToString("N")[..8];
        await page.FillAsync("input[name=title]", title);
        await page.FillAsync("input[name=publishOn]", "2026-06-01");
        await page.SetInputFilesAsync("input[name=cover]", new FilePayload { Name = "cover.png", MimeType = "image/png", Buffer = Png });
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#editor-form button[type=submit]"), r => r.Request.IsNavigationRequest && r.Request.Method == "GET" && PostUrl().IsMatch(r.Url));

        await page.WaitForURLAsync(PostUrl(), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("h1#title")).ToHaveTextAsync(title);
        await AssertCoverAsync(page.Url);
    }

    [Fact]
    public async Task The_editor_is_for_editors_and_the_index_links_it_for_them_only()
    {
        using var anonymous = blog.CreateClient();
        using var signedOut = await anonymous.GetAsync(new Uri("/posts/new", UriKind.Relative));
        signedOut.StatusCode.Should().Be(HttpStatusCode.Redirect);
        signedOut.Headers.Location!.ToString().Should().Contain("/login?ReturnUrl=%2Fposts%2Fnew");
        (await anonymous.GetStringAsync(new Uri("/", UriKind.Relative))).Should().NotContain("/posts/new");

        using var grace = await BlogAccounts.SignInAsync(blog, "grace");
        (await grace.GetAsync(new Uri("/posts/new", UriKind.Relative))).StatusCode.Should().NotBe(HttpStatusCode.OK);

        using var ada = await BlogAccounts.SignInAsync(blog, "ada");
        (await ada.GetStringAsync(new Uri("/", UriKind.Relative))).Should().Contain("href=\"/posts/new\"");
        var editor = await ada.GetStringAsync(new Uri("/posts/new", UriKind.Relative));
        editor.Should().Contain("data-hybrid-enhance").And.Contain("name=\"__returnUrl\" type=\"hidden\" value=\"/posts/{id}\"");
    }

    /// <summary>
    /// A date the server cannot parse. A date input never posts one, so the field becomes a text
    /// input first, as it is in a browser without date inputs or for a client that posts by hand.
    /// </summary>
    private static async Task TypeBadDateAsync(IPage page)
    {
        await page.EvalOnSelectorAsync("input[name=publishOn]", "e => { e.type = 'text'; }");
        await page.FillAsync("input[name=publishOn]", "31/02/2026");
    }

    private async Task<IPage> SignedInEditorAsync(Chromium chromium, bool javaScript)
    {
        var page = await chromium.NewPageAsync(javaScript);
        await BlogAccounts.SignInInBrowserAsync(page, blog, "ada", "/posts/new");
        await Assertions.Expect(page.Locator("#editor-form")).ToBeVisibleAsync();
        return page;
    }

    private async Task AssertCoverAsync(string postUrl)
    {
        var id = PostUrl().Match(postUrl).Groups["id"].Value;
        using var client = blog.CreateClient();
        using var cover = await client.GetAsync(new Uri($"/posts/{id}/cover", UriKind.Relative));
        cover.StatusCode.Should().Be(HttpStatusCode.OK);
        (await cover.Content.ReadAsByteArrayAsync()).Should().Equal(Png);
    }

    [GeneratedRegex(@"/posts/(?<id>\d+)$")]
    private static partial Regex PostUrl();
}
