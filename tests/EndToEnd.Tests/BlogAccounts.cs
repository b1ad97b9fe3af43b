using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// The sample's development users (ada is a moderator, grace has no role) and the two credentials
/// they get: the cookie the SignIn action sets, and the token the issue-token command prints.
/// </summary>
internal static class BlogAccounts
{
    public const string Password = "hybrid-sample";

    // One run of the command per user and test run: a token does not depend on the server that checks it.
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Tokens = new();

    /// <summary>A cookie-keeping session signed in through the SignIn action, as the login form does.</summary>
    public static async Task<HttpClient> SignInAsync(BlogServer blog, string user)
    {
        var session = await blog.CreateSessionAsync();
        using var response = await session.PostAsJsonAsync("/_actions/SignIn", new { userName = user, password = Password });
        response.StatusCode.Should().Be(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
        return session;
    }

    /// <summary>The JWT that <c>dotnet run --project samples/Blog -- issue-token --user {user}</c> prints for the server's database.</summary>
    public static Task<string> IssueTokenAsync(BlogServer blog, string user) =>
        Tokens.GetOrAdd(user, _ => new Lazy<Task<string>>(() => RunAndReadTokenAsync(blog, user))).Value;

    private static async Task<string> RunAndReadTokenAsync(BlogServer blog, string user)
    {
        var result = (await RunIssueTokenAsync(blog, user)).ShouldSucceed("issue-token --user " + user);

        // dotnet run may print its own lines ("Using launch settings ...") before the command's one line.
        var token = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        token.Split('.').Should().HaveCount(3, "a JWT has a header, a payload and a signature: " + result.Output);
        return token;
    }

    public static Task<ProcessRunner.Result> RunIssueTokenAsync(BlogServer blog, string user) =>
        ProcessRunner.RunAsync(
            "dotnet",
            ["run", "--project", "samples/Blog", "--no-build", "-c", Repository.Configuration, "--", "issue-token", "--user", user, "--Blog:Database=" + blog.DatabasePath],
            Repository.Root,
            new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" });

    /// <summary>A client that sends the token as a bearer credential and keeps no cookies.</summary>
    public static HttpClient WithToken(BlogServer blog, string token)
    {
        var client = blog.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Signs the browser page in through the /login form (no script needed) and lands on <paramref name="returnTo"/>.</summary>
    public static async Task SignInInBrowserAsync(IPage page, BlogServer blog, string user, string returnTo)
    {
        await page.GotoAsync(new Uri(blog.BaseAddress, "/login?ReturnUrl=" + Uri.EscapeDataString(returnTo)).ToString());
        await SubmitLoginFormAsync(page, user, Password, new Uri(blog.BaseAddress, returnTo).ToString());
    }

    public static async Task SubmitLoginFormAsync(IPage page, string user, string password, string landsOn)
    {
        await page.FillAsync("#sign-in-form input[name=userName]", user);
        await page.FillAsync("#sign-in-form input[name=password]", password);
        await Chromium.SubmitAsync(page, () => page.ClickAsync("#sign-in-form button[type=submit]"), landsOn);
    }
}
