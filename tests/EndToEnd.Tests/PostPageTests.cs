using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Hybrid.EndToEnd.Tests;

/// <summary>A post's page renders what SavePost wrote: its summary, tags, date, cover and sections.</summary>
[Collection(EditingBlogCollection.Name)]
public sealed class PostPageTests(EditingBlogServer blog)
{
    /// <summary>A 1×1 transparent PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    [Fact]
    public async Task A_posts_page_renders_its_cover_and_its_sections_in_order()
    {
        using var session = await BlogAccounts.SignInAsync(blog, "ada");
        var cover = new ByteArrayContent(Png);
        cover.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Rendered with sections"), "title" },
            { new StringContent("Three sections and a cover."), "summary" },
            { new StringContent("Published"), "status" },
            { new StringContent("2026-03-01"), "publishOn" },
            { new StringContent("spring"), "tags" },
            { new StringContent("cms"), "tags" },
            { new StringContent("Intro"), "sections[0].heading" },
            { new StringContent("Hello"), "sections[0].body" },
            { new StringContent("More"), "sections[1].heading" },
            { new StringContent("World"), "sections[1].body" },
            { new StringContent("Last"), "sections[2].heading" },
            { new StringContent("First paragraph.\n\nSecond paragraph."), "sections[2].body" },
            { cover, "cover", "cover.png" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_actions/SavePost") { Content = form };
        request.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("application/json"));
        using var saved = await session.SendAsync(request);
        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();

        await page.GotoAsync(new Uri(blog.BaseAddress, $"/posts/{id}").ToString());

        await Assertions.Expect(page.Locator("h1#title")).ToHaveTextAsync("Rendered with sections");
        await Assertions.Expect(page.Locator("#summary")).ToHaveTextAsync("Three sections and a cover.");
        await Assertions.Expect(page.Locator("article .tag")).ToHaveTextAsync(["cms", "spring"]);
        await Assertions.Expect(page.Locator("article time")).ToHaveTextAsync("1 March 2026");
        await Assertions.Expect(page.Locator("article .post-section h2")).ToHaveTextAsync(["Intro", "More", "Last"]);
        await Assertions.Expect(page.Locator("article .post-section").Nth(2).Locator("p")).ToHaveTextAsync(["First paragraph.", "Second paragraph."]);
        var image = page.Locator("img#cover");
        await Assertions.Expect(image).ToHaveAttributeAsync("src", $"/posts/{id}/cover");
        await Assertions.Expect(image).ToHaveAttributeAsync("alt", "Cover of Rendered with sections");
        await page.WaitForFunctionAsync("() => document.querySelector('img#cover').complete");
        (await image.EvaluateAsync<int>("img => img.naturalWidth")).Should().Be(1, "the cover is the uploaded 1x1 image, loaded");
    }

    [Fact]
    public async Task A_post_without_sections_or_cover_shows_its_text_and_no_image()
    {
        using var token = BlogAccounts.WithToken(blog, await BlogAccounts.IssueTokenAsync(blog, "ada"));
        using var saved = await token.PostAsJsonAsync("/api/v1/posts", new { title = "Plain", publishOn = "2026-04-01" });
        saved.StatusCode.Should().Be(HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();

        await page.GotoAsync(new Uri(blog.BaseAddress, $"/posts/{id}").ToString());

        await Assertions.Expect(page.Locator("h1#title")).ToHaveTextAsync("Plain");
        await Assertions.Expect(page.Locator("img#cover")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("article .post-section")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#summary")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_post_with_more_comments_than_a_page_shows_them_a_hundred_at_a_time_with_links_between_pages()
    {
        using var token = BlogAccounts.WithToken(blog, await BlogAccounts.IssueTokenAsync(blog, "ada"));
        using var saved = await token.PostAsJsonAsync("/api/v1/posts", new { title = "Much discussed", publishOn = "2026-05-01" });
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var client = blog.CreateClient();
        for (var i = 1; i <= 101; i++)
        {
            using var comment = await client.PostAsJsonAsync($"/api/v1/posts/{id}/comments", new { author = "Reader", body = $"Comment {i}" });
            comment.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(new Uri(blog.BaseAddress, $"/posts/{id}").ToString());

        await Assertions.Expect(page.Locator("#comments li.comment")).ToHaveCountAsync(100);
        await Assertions.Expect(page.Locator("#comments li.comment .body").First).ToHaveTextAsync("Comment 1");
        await Assertions.Expect(page.Locator("#older-comments")).ToHaveCountAsync(0);
        await page.Locator("#newer-comments").ClickAsync();
        await page.WaitForURLAsync(new Uri(blog.BaseAddress, $"/posts/{id}?comments=2").ToString());
        await Assertions.Expect(page.Locator("#comments li.comment .body")).ToHaveTextAsync(["Comment 101"]);
        await Assertions.Expect(page.Locator(".pager")).ToContainTextAsync("Page 2 of 2 (101 comments)");
        await Assertions.Expect(page.Locator("#older-comments")).ToHaveAttributeAsync("href", $"/posts/{id}?comments=1");
    }
}
