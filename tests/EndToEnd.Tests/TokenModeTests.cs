using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// With antiforgery tokens on, the same flows pass without any code in the pages: the form tag
/// helper adds the token field, which the enhancement script posts with the rest of the form, and a
/// request without a token is refused.
/// </summary>
[Collection(TokenModeBlogCollection.Name)]
public sealed class TokenModeTests(TokenModeBlogServer blog)
{
    [Fact]
    public async Task A_comment_added_through_the_enhanced_form_appears_without_a_reload()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(new Uri(blog.BaseAddress, "/posts/1").ToString());
        await page.EvaluateAsync("() => { window.__notReloaded = true; }");
        await page.FillAsync("input[name=author]", "Token script");
        await page.FillAsync("textarea[name=body]", "Sent with the token header");
        await page.ClickAsync("#comment-form button[type=submit]");

        await Assertions.Expect(page.Locator("#comments li.comment").Filter(new LocatorFilterOptions { HasText = "Sent with the token header" })).ToHaveCountAsync(1);
        (await page.EvaluateAsync<bool>("() => window.__notReloaded === true")).Should().BeTrue();
    }

    [Fact]
    public async Task The_live_comment_list_sends_the_token_its_tag_helper_rendered_and_stays_open()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        var sent = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/_actions/", StringComparison.Ordinal) && request.Headers.GetValueOrDefault("accept") == "text/event-stream")
            {
                sent.TrySetResult(request.Headers.GetValueOrDefault("x-xsrf-token"));
            }
        };
        await page.GotoAsync(new Uri(blog.BaseAddress, "/posts/2").ToString());

        (await sent.Task.WaitAsync(TimeSpan.FromSeconds(10))).Should().NotBeNullOrEmpty().And.Be(await page.Locator("#comments").GetAttributeAsync("data-hybrid-token"));
        await Assertions.Expect(page.Locator("#comments")).ToHaveAttributeAsync("data-hybrid-stream-state", "open");
        using var client = blog.CreateClient();
        var text = "Live under tokens " + Guid.NewGuid().ToString("N")[..8];
        (await client.PostAsJsonAsync("/api/v1/posts/2/comments", new { author = "Token", body = text })).StatusCode.Should().Be(HttpStatusCode.Created);
        await Assertions.Expect(page.Locator("#comments li.comment").Filter(new LocatorFilterOptions { HasText = text })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Forms_without_JavaScript_carry_the_token_and_round_trip_their_errors()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(javaScript: false);
        var post = new Uri(blog.BaseAddress, "/posts/2").ToString();
        await page.GotoAsync(post);
        (await page.Locator("#comment-form input[name=__RequestVerificationToken]").CountAsync()).Should().Be(1);

        await page.FillAsync("input[name=author]", "Token form");
        await page.FillAsync("textarea[name=body]", "   ");
        await Chromium.SubmitAsync(page, () => page.ClickAsync("#comment-form button[type=submit]"), post);
        await Assertions.Expect(page.Locator("[data-hybrid-error-for=body]")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("input[name=author]")).ToHaveValueAsync("Token form");

        await page.FillAsync("textarea[name=body]", "Valid this time, with the token");
        await Chromium.SubmitAsync(page, () => page.ClickAsync("#comment-form button[type=submit]"), post);
        await Assertions.Expect(page.Locator("#comments li.comment").Filter(new LocatorFilterOptions { HasText = "Valid this time, with the token" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_same_origin_request_without_the_token_is_refused_and_stores_nothing()
    {
        using var client = blog.CreateClient();
        var before = (await client.GetFromJsonAsync<PostDto>("/api/v1/posts/2"))!.Comments.Count;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_actions/CreateComment") { Content = JsonContent.Create(new { postId = 2, author = "No token", body = "refused" }) };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"code\":\"antiforgery_failed\"");
        (await client.GetFromJsonAsync<PostDto>("/api/v1/posts/2"))!.Comments.Should().HaveCount(before);
    }
}
