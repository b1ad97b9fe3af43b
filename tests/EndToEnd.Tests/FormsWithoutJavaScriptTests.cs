using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// The Blog's Razor page with JavaScript turned off in Chromium: a valid comment lands back on the
/// post; an invalid one comes back with the error next to the field and the typed text kept, and
/// nothing is stored.
/// </summary>
[Collection(BlogCollection.Name)]
public sealed class FormsWithoutJavaScriptTests(BlogServer blog)
{
    [Fact]
    public async Task A_valid_comment_lands_back_on_the_post()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(javaScript: false);
        var post = new Uri(blog.BaseAddress, "/posts/2").ToString();
        await page.GotoAsync(post);
        await page.FillAsync("input[name=author]", "No script");
        await page.FillAsync("textarea[name=body]", "Posted with JavaScript off");
        await Chromium.SubmitAsync(page, () => page.ClickAsync("#comment-form button[type=submit]"), post);

        await Assertions.Expect(page.Locator("#comments li.comment").Filter(new LocatorFilterOptions { HasText = "Posted with JavaScript off" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-hybrid-error-for=body]")).ToBeEmptyAsync();
    }

    [Fact]
    public async Task An_invalid_comment_comes_back_with_the_error_next_to_the_field_and_the_typed_text()
    {
        using var client = blog.CreateClient();
        var before = (await client.GetFromJsonAsync<PostDto>("/api/v1/posts/2"))!.Comments.Count;
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(javaScript: false);
        var post = new Uri(blog.BaseAddress, "/posts/2").ToString();
        await page.GotoAsync(post);
        await page.FillAsync("input[name=author]", "Kept name");

        // Only spaces: the browser's `required` lets it through, the server's [Required] does not.
        await page.FillAsync("textarea[name=body]", "   ");
        await Chromium.SubmitAsync(page, () => page.ClickAsync("#comment-form button[type=submit]"), post);

        await Assertions.Expect(page.Locator("[data-hybrid-error-for=body]")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("input[name=author]")).ToHaveValueAsync("Kept name");
        await Assertions.Expect(page.Locator("[data-hybrid-error-for=author]")).ToBeEmptyAsync();

        // The state is read once: a reload shows a clean form.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-hybrid-error-for=body]")).ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("input[name=author]")).ToHaveValueAsync("");

        (await client.GetFromJsonAsync<PostDto>("/api/v1/posts/2"))!.Comments.Should().HaveCount(before);
    }
}
