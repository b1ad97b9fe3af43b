using Microsoft.Playwright;

namespace Hybrid.EndToEnd.Tests;

/// <summary>Debian's chromium, driven by Playwright through its executable path (nothing is downloaded).</summary>
internal sealed class Chromium : IAsyncDisposable
{
    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        Playwright = playwright;
        Browser = browser;
    }

    public IPlaywright Playwright { get; }

    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Repository.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new Chromium(playwright, browser);
    }

    public async Task<IPage> NewPageAsync(bool javaScript = true) =>
        await (await Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = javaScript })).NewPageAsync();

    /// <summary>
    /// Submits a form and waits until the browser has loaded <paramref name="landsOn"/>, where the
    /// door's 303 sends it (the page may be the very URL it started on, so waiting for the URL alone
    /// could return before the navigation).
    /// </summary>
    public static async Task SubmitAsync(IPage page, Func<Task> submit, string landsOn)
    {
        await page.RunAndWaitForResponseAsync(submit, r => r.Request.IsNavigationRequest && r.Request.Method == "GET" && r.Url == landsOn);
        // No wait for a load state after it, not even WaitForURLAsync's (when the URL already matches it
        // waits for a load state, which Playwright sometimes misses for a document this small, and waits
        // forever). The response is in: poll the URL; the callers' Expect(...) assertions wait for the DOM.
        await Assertions.Expect(page).ToHaveURLAsync(landsOn);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
    }
}
