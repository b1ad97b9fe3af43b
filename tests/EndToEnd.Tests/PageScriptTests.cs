using Microsoft.Playwright;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// The post page with JavaScript on, in Chromium: a comment added through the generated actions
/// client appears without a reload, and an invalid one shows the field error next to the field.
/// The bundled script the sample serves is what eng/bundle-scripts.sh builds from its TypeScript.
/// </summary>
[Collection(BlogCollection.Name)]
public sealed class PageScriptTests(BlogServer blog)
{
    [Fact]
    public async Task A_comment_added_through_the_generated_client_appears_without_a_reload()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(javaScript: true);
        var actionCalls = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/_actions/", StringComparison.Ordinal))
            {
                actionCalls.Add(request.Method + " " + new Uri(request.Url).AbsolutePath + " " + request.Headers.GetValueOrDefault("content-type"));
            }
        };
        await page.GotoAsync(new Uri(blog.BaseAddress, "/posts/1").ToString());
        await page.EvaluateAsync("() => { window.__notReloaded = true; }");
        await page.FillAsync("input[name=author]", "Script");
        await page.FillAsync("textarea[name=body]", "Added by the generated client");
        await page.ClickAsync("#comment-form button[type=submit]");

        await Assertions.Expect(page.Locator("#comments li.comment").Filter(new LocatorFilterOptions { HasText = "Added by the generated client" })).ToHaveCountAsync(1);
        (await page.EvaluateAsync<bool>("() => window.__notReloaded === true")).Should().BeTrue("the page was not reloaded");
        // The comment through the generated client, then the list refreshed because its answer named the post stale.
        await Assertions.Expect(page.Locator("#comments li.comment").Filter(new LocatorFilterOptions { HasText = "Added by the generated client" })).ToHaveCountAsync(1);
        actionCalls.Should().StartWith(["POST /_actions/CreateComment application/json"]);
        actionCalls.Skip(1).Should().OnlyContain(c => c == "POST /_actions/GetPost application/json");
        await Assertions.Expect(page.Locator("input[name=author]")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task An_invalid_comment_shows_the_field_error_next_to_the_field()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(javaScript: true);
        await page.GotoAsync(new Uri(blog.BaseAddress, "/posts/1").ToString());
        await page.EvaluateAsync("() => { window.__notReloaded = true; }");
        await page.FillAsync("input[name=author]", "Script");
        await page.FillAsync("textarea[name=body]", "   ");
        await page.ClickAsync("#comment-form button[type=submit]");

        await Assertions.Expect(page.Locator("[data-hybrid-error-for=body]")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("[data-hybrid-error-for=author]")).ToBeEmptyAsync();
        (await page.EvaluateAsync<bool>("() => window.__notReloaded === true")).Should().BeTrue();
        await Assertions.Expect(page.Locator("textarea[name=body]")).ToHaveValueAsync("   ");
    }

    [Fact]
    public async Task The_served_script_is_the_bundle_of_its_TypeScript()
    {
        var folder = Directory.CreateTempSubdirectory("hybrid-bundle-").FullName;
        try
        {
            var result = await ProcessRunner.RunAsync("bash", ["eng/bundle-scripts.sh", folder], Repository.Root, timeout: TimeSpan.FromMinutes(2));
            result.ExitCode.Should().Be(0, result.Output);
            var committed = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "samples", "Blog", "wwwroot", "js", "post-page.js"));
            (await File.ReadAllTextAsync(Path.Combine(folder, "post-page.js"))).Should().Be(committed, "run `bash eng/bundle-scripts.sh` (or eng/generate-clients.sh) and commit the result");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
