using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// The editor page's time to interactive in Chromium, for docs/performance.md: navigation start to
/// the end of DOMContentLoaded (the deferred enhancement script has run by then, so the form is
/// enhanced), median of 5. Fresh: a new browser context each time (empty HTTP cache, signed in by
/// its cookie). Warm: one context, the script cached under its immutable fingerprinted URL.
/// </summary>
[Collection(EditingBlogCollection.Name)]
public sealed class PostEditorTimingTests(EditingBlogServer blog, ITestOutputHelper output)
{
    private const int Runs = 5;

    [Fact]
    public async Task The_editor_is_interactive_quickly_fresh_and_warm()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var signIn = await chromium.Browser.NewContextAsync();
        var first = await signIn.NewPageAsync();
        await BlogAccounts.SignInInBrowserAsync(first, blog, "ada", "/posts/new");
        var signedIn = await signIn.StorageStateAsync();
        var editor = new Uri(blog.BaseAddress, "/posts/new").ToString();

        var fresh = new List<Timing>();
        for (var i = 0; i < Runs; i++)
        {
            await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { StorageState = signedIn });
            fresh.Add(await MeasureAsync(await context.NewPageAsync(), editor));
        }

        var warm = new List<Timing>();
        var page = await signIn.NewPageAsync();
        await page.GotoAsync(editor);
        for (var i = 0; i < Runs; i++)
        {
            await page.GotoAsync(new Uri(blog.BaseAddress, "/").ToString());
            warm.Add(await MeasureAsync(page, editor));
        }

        output.WriteLine(Report("fresh", fresh));
        output.WriteLine(Report("warm", warm));
        Median(fresh, t => t.Interactive).Should().BeLessThan(3_000, "a small server-rendered page with one 3 KB script");
        Median(warm, t => t.Interactive).Should().BeLessThan(3_000);
        await signIn.DisposeAsync();
    }

    /// <summary>Navigates and reads the Navigation Timing entry, whose times are relative to navigation start.</summary>
    private static async Task<Timing> MeasureAsync(IPage page, string url)
    {
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        (await page.EvaluateAsync<bool>("() => document.querySelector('#editor-form')?.matches('[data-hybrid-enhance]') === true")).Should().BeTrue();
        var times = await page.EvaluateAsync<double[]>("() => { const n = performance.getEntriesByType('navigation')[0]; return [n.responseStart, n.domContentLoadedEventEnd]; }");
        return new Timing(times[0], times[1]);
    }

    private static string Report(string label, List<Timing> runs) => string.Create(
        CultureInfo.InvariantCulture,
        $"editor, {label}, median of {Runs}: first byte {Median(runs, t => t.FirstByte):0.0} ms, DOMContentLoaded {Median(runs, t => t.Interactive):0.0} ms (runs: {string.Join(", ", runs.Select(t => t.Interactive.ToString("0.0", CultureInfo.InvariantCulture)))})");

    private static double Median(List<Timing> runs, Func<Timing, double> value) => runs.Select(value).Order().ElementAt(runs.Count / 2);

    private sealed record Timing(double FirstByte, double Interactive);
}
