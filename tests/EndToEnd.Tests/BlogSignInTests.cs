using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// Signing in to the Blog: the SignIn action sets the cookie only for a right password and answers
/// an unknown name exactly as a wrong password; the /login page works without JavaScript and takes a
/// moderator whose session ended back to the form that needed sign-in; a user without the role sees
/// no Delete, and a stale page's Delete is refused with the reason; issue-token refuses unknown users.
/// </summary>
[Collection(BlogCollection.Name)]
public sealed class BlogSignInTests(BlogServer blog)
{
    [Fact]
    public async Task A_right_password_sets_the_cookie_and_the_pages_show_who_is_signed_in()
    {
        using var session = await BlogAccounts.SignInAsync(blog, "grace");

        var html = await session.GetStringAsync(new Uri("/posts/1", UriKind.Relative));
        html.Should().Contain("<strong id=\"signed-in-as\">grace</strong>").And.Contain("id=\"sign-out-form\"");

        using var signOut = await session.PostAsJsonAsync("/_actions/SignOut", new { });
        signOut.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await session.GetStringAsync(new Uri("/posts/1", UriKind.Relative))).Should().Contain("id=\"sign-in-link\"").And.NotContain("signed-in-as");
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_problem_and_no_cookie()
    {
        var wrongPassword = await RefusedSignInAsync("ada", "not-the-password");
        var unknownUser = await RefusedSignInAsync("nobody", BlogAccounts.Password);

        wrongPassword.Should().Be(unknownUser, "the answer must not tell which user names exist");
        wrongPassword.Should().Be((401, "invalid_credentials", "The user name or the password is wrong."));
    }

    [Fact]
    public async Task Issue_token_refuses_an_unknown_user()
    {
        var result = await BlogAccounts.RunIssueTokenAsync(blog, "nobody");

        result.ExitCode.Should().NotBe(0, result.Output);
        result.Output.Should().Contain("There is no user 'nobody'.");
    }

    [Fact]
    public async Task A_wrong_password_on_the_login_page_comes_back_with_the_error()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(javaScript: false);
        var login = new Uri(blog.BaseAddress, "/login?ReturnUrl=%2Fposts%2F1").ToString();
        await page.GotoAsync(login);

        await BlogAccounts.SubmitLoginFormAsync(page, "ada", "not-the-password", login);

        await Assertions.Expect(page.Locator("#sign-in-error")).ToHaveTextAsync("The user name or the password is wrong.");
        await Assertions.Expect(page.Locator("#sign-in-form input[name=userName]")).ToHaveValueAsync("ada");
        await Assertions.Expect(page.Locator("#sign-in-form input[name=password]")).ToHaveValueAsync("");
        (await page.Context.CookiesAsync()).Should().NotContain(c => c.Name == ".AspNetCore.Cookies");
    }

    [Fact]
    public async Task A_moderator_whose_session_ended_is_sent_to_sign_in_and_back_to_the_post_to_delete_a_comment()
    {
        using var client = blog.CreateClient();
        using var created = await client.PostAsJsonAsync("/api/v1/posts/2/comments", new { author = "Spam", body = "Delete me after signing in" });
        var comment = (await created.Content.ReadFromJsonAsync<CommentDto>())!;
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(javaScript: false);
        var post = new Uri(blog.BaseAddress, "/posts/2").ToString();
        await BlogAccounts.SignInInBrowserAsync(page, blog, "ada", "/posts/2");
        var delete = page.Locator($"#comments li.comment[data-id='{comment.Id}'] form.delete button");
        await Assertions.Expect(delete).ToHaveCountAsync(1);

        // The page was shown to a moderator; the session ends before the click (expired, signed out elsewhere).
        await page.Context.ClearCookiesAsync();
        await delete.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/login");
        await page.WaitForLoadStateAsync(LoadState.Load);
        System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query)["ReturnUrl"].Should().Be("/posts/2");
        (await client.GetAsync(new Uri($"/api/v1/posts/2/comments/{comment.Id}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, "nothing is deleted before signing in");

        await BlogAccounts.SubmitLoginFormAsync(page, "ada", BlogAccounts.Password, post);
        await Assertions.Expect(page.Locator("#signed-in-as")).ToHaveTextAsync("ada");

        await Chromium.SubmitAsync(page, () => delete.ClickAsync(), post);
        await Assertions.Expect(page.Locator($"#comments li.comment[data-id='{comment.Id}']")).ToHaveCountAsync(0);
        (await client.GetAsync(new Uri($"/api/v1/posts/2/comments/{comment.Id}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_user_without_the_role_sees_no_Delete_and_a_stale_page_comes_back_with_the_reason_and_nothing_is_deleted()
    {
        using var client = blog.CreateClient();
        using var created = await client.PostAsJsonAsync("/api/v1/posts/2/comments", new { author = "Kept", body = "Grace may not delete me" });
        var comment = (await created.Content.ReadFromJsonAsync<CommentDto>())!;
        await using var chromium = await Chromium.LaunchAsync();
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var post = new Uri(blog.BaseAddress, "/posts/2").ToString();
        var grace = await context.NewPageAsync();
        await BlogAccounts.SignInInBrowserAsync(grace, blog, "grace", "/posts/2");
        await Assertions.Expect(grace.Locator($"#comments li.comment[data-id='{comment.Id}']")).ToHaveCountAsync(1);
        await Assertions.Expect(grace.Locator("#comments form.delete")).ToHaveCountAsync(0, new() { Timeout = 5_000 });

        // A page shown to ada in this browser, whose session then became grace's (a sign-in in another tab).
        var stale = await context.NewPageAsync();
        await BlogAccounts.SignInInBrowserAsync(stale, blog, "ada", "/posts/2");
        await BlogAccounts.SignInInBrowserAsync(grace, blog, "grace", "/posts/2");
        await Chromium.SubmitAsync(stale, () => stale.Locator($"#comments li.comment[data-id='{comment.Id}'] form.delete button").ClickAsync(), post);

        await Assertions.Expect(stale.Locator("#delete-error")).ToHaveTextAsync("You are not allowed to do this.");
        await Assertions.Expect(stale.Locator($"#comments li.comment[data-id='{comment.Id}']")).ToHaveCountAsync(1);
        (await client.GetAsync(new Uri($"/api/v1/posts/2/comments/{comment.Id}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private async Task<(int Status, string? Code, string? Detail)> RefusedSignInAsync(string user, string password)
    {
        using var client = blog.CreateClient();
        using var response = await client.PostAsJsonAsync("/_actions/SignIn", new { userName = user, password });
        response.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).Should().NotContain(c => c.StartsWith(".AspNetCore.Cookies=", StringComparison.Ordinal), "a refused sign-in sets no cookie");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return ((int)response.StatusCode, problem.GetProperty("code").GetString(), problem.GetProperty("detail").GetString());
    }
}
