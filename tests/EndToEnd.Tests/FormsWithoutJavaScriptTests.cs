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

    [Fact]
    public async Task A_5000_character_comment_comes_back_whole_and_marked_as_the_script_marks_it()
    {
        var typed = string.Concat(Enumerable.Range(0, 500).Select(i => $"word{i:D5} "));
        var post = new Uri(blog.BaseAddress, "/posts/2").ToString();
        await using var chromium = await Chromium.LaunchAsync();
        var marks = new List<string?[]>();
        foreach (var javaScript in new[] { false, true })
        {
            var page = await chromium.NewPageAsync(javaScript: javaScript);
            await page.GotoAsync(post);

            // The browser's maxlength is a hint; the server's [StringLength(2000)] is the rule, and what was typed must survive it.
            await page.EvaluateAsync("() => document.querySelector('#comment-form textarea[name=body]').removeAttribute('maxlength')");
            await page.FillAsync("input[name=author]", "Long");
            await page.FillAsync("textarea[name=body]", typed);
            if (javaScript)
            {
                await page.ClickAsync("#comment-form button[type=submit]");
            }
            else
            {
                await Chromium.SubmitAsync(page, () => page.ClickAsync("#comment-form button[type=submit]"), post);
            }

            await Assertions.Expect(page.Locator("[data-hybrid-error-for=body]")).Not.ToBeEmptyAsync();
            await Assertions.Expect(page.Locator("textarea[name=body]")).ToHaveValueAsync(typed);
            marks.Add(await page.EvaluateAsync<string?[]>("""
                () => {
                    const body = document.querySelector('#comment-form textarea[name=body]');
                    const author = document.querySelector('#comment-form input[name=author]');
                    const slot = document.querySelector('#comment-form [data-hybrid-error-for=body]');
                    return [body.getAttribute('aria-invalid'), body.getAttribute('aria-describedby'), slot.id, author.getAttribute('aria-invalid'), author.getAttribute('aria-describedby')];
                }
                """));
        }

        marks[0].Should().Equal("true", "hybrid-createcomment-body-error", "hybrid-createcomment-body-error", null, null);
        marks[1].Should().Equal(marks[0], "the script marks the fields as the server renders them after a plain post");
    }
}
