using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// A page served by a second Kestrel on another port of 127.0.0.1 (another origin, the same site)
/// posts a comment form to the Blog's action in Chromium: the origin check refuses it and nothing
/// is stored.
/// </summary>
[Collection(BlogCollection.Name)]
public sealed class CrossSitePageTests(BlogServer blog)
{
    [Fact]
    public async Task A_page_of_another_origin_cannot_post_an_action()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var attacker = builder.Build();
        var target = new Uri(blog.BaseAddress, "/_actions/CreateComment");
        attacker.MapGet("/", () => Results.Content(
            $"""
            <!doctype html><html><body>
            <form id="forged" method="post" action="{target}">
              <input name="postId" value="2"><input name="author" value="Attacker"><input name="body" value="Forged from another origin">
              <button type="submit">Win a prize</button>
            </form></body></html>
            """,
            "text/html"));
        await attacker.StartAsync();
        var attackerUrl = attacker.Urls.Single();

        using var client = blog.CreateClient();
        var before = (await client.GetFromJsonAsync<PostDto>("/api/v1/posts/2"))!.Comments.Count;
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(javaScript: false);
        await page.GotoAsync(attackerUrl);
        var response = await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync("#forged button"),
            r => r.Url.StartsWith(target.ToString(), StringComparison.Ordinal));

        response.Status.Should().Be(403);
        (await response.TextAsync()).Should().Contain("cross_site_request");
        (await client.GetFromJsonAsync<PostDto>("/api/v1/posts/2"))!.Comments.Should().HaveCount(before);
        (await client.GetFromJsonAsync<PostDto>("/api/v1/posts/2"))!.Comments.Should().NotContain(c => c.Author == "Attacker");
    }
}
