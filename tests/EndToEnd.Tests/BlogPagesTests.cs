using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// What the Blog's pages show and to whom: the home page's summaries, dates and tags; the "New post"
/// link and a comment's Delete button only for a user the operation's own policy lets through (the
/// pages ask HybridSender); the sample's own stylesheet; and the API reference at /scalar, which
/// loads and renders the operations without a request leaving 127.0.0.1.
/// </summary>
[Collection(BlogCollection.Name)]
public sealed class BlogPagesTests(BlogServer blog)
{
    [Fact]
    public async Task The_home_page_shows_each_posts_summary_date_and_tags_newest_first()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();

        await page.GotoAsync(new Uri(blog.BaseAddress, "/").ToString());

        var posts = page.Locator("#posts li.post-card");
        await Assertions.Expect(posts).ToHaveCountAsync(2);
        var hello = posts.Filter(new LocatorFilterOptions { HasText = "Hello, Hybrid" });
        await Assertions.Expect(hello.Locator("h2 a")).ToHaveAttributeAsync("href", "/posts/1");
        await Assertions.Expect(hello.Locator(".summary")).ToHaveTextAsync("One handler, two doors: the page and the mobile app call the same code.");
        await Assertions.Expect(hello.Locator("time")).ToHaveAttributeAsync("datetime", "2026-11-02");
        await Assertions.Expect(hello.Locator("time")).ToHaveTextAsync("2 November 2026");
        await Assertions.Expect(hello.Locator(".tag")).ToHaveTextAsync(["hybrid", "intro"]);
        await Assertions.Expect(posts.First.Locator("h2")).ToHaveTextAsync("Started simple");
    }

    [Fact]
    public async Task The_pages_use_the_samples_own_stylesheet_and_fit_a_phone()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(blog.BaseAddress, "/posts/1").ToString());

        await Assertions.Expect(page.Locator("meta[name=viewport]")).ToHaveAttributeAsync("content", "width=device-width, initial-scale=1");
        var stylesheet = await page.Locator("link[rel=stylesheet]").GetAttributeAsync("href");
        stylesheet.Should().MatchRegex(@"^/css/site\.[a-z0-9]+\.css$", "the stylesheet is the sample's own, at its fingerprinted local URL");
        (await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.post')).borderRadius")).Should().Be("8px", "the stylesheet applied");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(390, "nothing is wider than a phone's screen");
    }

    [Fact]
    public async Task A_comments_Delete_button_and_the_New_post_link_show_only_to_a_user_who_may_use_them()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var post = new Uri(blog.BaseAddress, "/posts/1").ToString();
        var home = new Uri(blog.BaseAddress, "/").ToString();

        var anonymous = await chromium.NewPageAsync();
        await anonymous.GotoAsync(post);
        await Assertions.Expect(anonymous.Locator("#comments li.comment").First).ToBeVisibleAsync();
        await Assertions.Expect(anonymous.Locator("#comments form.delete")).ToHaveCountAsync(0);
        await anonymous.GotoAsync(home);
        await Assertions.Expect(anonymous.Locator("#posts li.post-card").First).ToBeVisibleAsync();
        await Assertions.Expect(anonymous.Locator("#new-post-link")).ToHaveCountAsync(0);

        // grace is signed in but has neither role: DeleteComment and SavePost would refuse her.
        var grace = await chromium.NewPageAsync();
        await BlogAccounts.SignInInBrowserAsync(grace, blog, "grace", "/posts/1");
        await Assertions.Expect(grace.Locator("#signed-in-as")).ToHaveTextAsync("grace");
        await Assertions.Expect(grace.Locator("#comments form.delete")).ToHaveCountAsync(0);
        await grace.GotoAsync(home);
        await Assertions.Expect(grace.Locator("#new-post-link")).ToHaveCountAsync(0);

        // ada moderates and edits.
        var ada = await chromium.NewPageAsync();
        await BlogAccounts.SignInInBrowserAsync(ada, blog, "ada", "/posts/1");
        var comments = await ada.Locator("#comments li.comment").CountAsync();
        comments.Should().BeGreaterThan(0);
        await Assertions.Expect(ada.Locator("#comments li.comment form.delete button")).ToHaveCountAsync(comments);
        await ada.GotoAsync(home);
        await Assertions.Expect(ada.Locator("#new-post-link")).ToHaveAttributeAsync("href", "/posts/new");
        await Assertions.Expect(ada.Locator("#new-post-link")).ToHaveTextAsync("New post");
    }

    [Fact]
    public async Task The_api_reference_renders_the_public_operations_with_no_request_leaving_the_machine()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        var requests = new ConcurrentQueue<string>();
        var failed = new ConcurrentQueue<string>();
        page.Request += (_, request) => requests.Enqueue(request.Url);
        page.RequestFailed += (_, request) => failed.Enqueue(request.Url + " " + request.Failure);

        await page.GotoAsync(new Uri(blog.BaseAddress, "/scalar").ToString());

        await Assertions.Expect(page.GetByText("Lists the posts, newest first.").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByText("Deletes a comment of a post (moderators only).").First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var origin = blog.BaseAddress.GetLeftPart(UriPartial.Authority);
        requests.Should().Contain(url => url.StartsWith(origin + "/scalar/scalar.js", StringComparison.Ordinal), "the script is served by the app, from the package");
        requests.Should().Contain(url => url.StartsWith(origin + "/openapi/v1.json", StringComparison.Ordinal));
        requests.Where(url => !url.StartsWith("data:", StringComparison.Ordinal) && !url.StartsWith("blob:", StringComparison.Ordinal))
            .Should().OnlyContain(url => url.StartsWith(origin + "/", StringComparison.Ordinal), "every request stays on 127.0.0.1: " + string.Join(", ", requests));
        failed.Should().BeEmpty();
    }
}
