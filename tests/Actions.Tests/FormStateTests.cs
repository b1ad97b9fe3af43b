using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Actions.Tests;

/// <summary>
/// A plain HTML form (no JavaScript) that fails goes back to its page with 303, and the page finds
/// the errors and the typed values in a protected, one-read, bounded state.
/// </summary>
public sealed class FormStateTests
{
    private const string StatePage = "/test/form-state";

    private static Task<TestHost> StartAsync() =>
        ActionsHost.StartAsync(
            o => o.Expose<SignUp>(op => op.AsAction()),
            map: app =>
            {
                app.MapHybridActions();
                app.MapGet(StatePage, (HttpContext context) => context.GetHybridFormState() is { } state
                    ? Results.Json(new { state.ActionId, state.Code, state.Message, state.Values, state.Errors })
                    : Results.NoContent());
            });

    private static HttpRequestMessage FormPost(string actionId, params (string Name, string Value)[] fields)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/_actions/" + actionId)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        message.Headers.Accept.ParseAdd("text/html");
        return message;
    }

    private static string StateCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Hybrid.Form=", StringComparison.Ordinal)).Split(';')[0];

    private static async Task<(HttpResponseMessage Response, JsonElement? State)> ReadStateAsync(TestHost host, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, StatePage);
        request.Headers.Add("Cookie", cookie);
        var response = await host.Client.SendAsync(request);
        return (response, response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : null);
    }

    [Fact]
    public async Task An_invalid_form_goes_back_to_its_page_with_the_errors_and_the_typed_values()
    {
        await using var host = await StartAsync();
        using var post = await host.Client.SendAsync(FormPost(
            "CreateNote",
            ("title", "far too long for twenty characters"),
            ("priority", "3"),
            ("__formUrl", "/notes/new?draft=1"),
            ("__returnUrl", "/notes")));

        post.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        post.Headers.Location!.OriginalString.Should().Be("/notes/new?draft=1");
        host.Store().Notes.Should().BeEmpty();

        var (page, state) = await ReadStateAsync(host, StateCookie(post));
        using (page)
        {
            state!.Value.GetProperty("actionId").GetString().Should().Be("CreateNote");
            state.Value.GetProperty("code").GetString().Should().Be("validation_failed");
            state.Value.GetProperty("errors").GetProperty("title")[0].GetString().Should().NotBeNullOrEmpty();
            state.Value.GetProperty("values").GetProperty("title")[0].GetString().Should().Be("far too long for twenty characters");
            state.Value.GetProperty("values").GetProperty("priority")[0].GetString().Should().Be("3");
            state.Value.GetProperty("values").TryGetProperty("__formUrl", out _).Should().BeFalse();
            page.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith(".Hybrid.Form=;", StringComparison.Ordinal), "reading the state deletes it");
        }
    }

    [Fact]
    public async Task Passwords_are_never_echoed_back()
    {
        await using var host = await StartAsync();
        using var post = await host.Client.SendAsync(FormPost(
            "SignUp", ("userName", "ann"), ("secret1", "short"), ("confirmPassword", "hunter2hunter2"), ("bio", "hi"), ("__formUrl", "/signup")));

        post.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var (page, state) = await ReadStateAsync(host, StateCookie(post));
        using (page)
        {
            var values = state!.Value.GetProperty("values");
            values.TryGetProperty("secret1", out _).Should().BeFalse("a [DataType(Password)] member is never echoed");
            values.TryGetProperty("confirmPassword", out _).Should().BeFalse("a field named like a password is never echoed");
            values.GetProperty("bio")[0].GetString().Should().Be("hi");
            state.Value.GetProperty("errors").TryGetProperty("secret1", out _).Should().BeTrue();
        }
    }

    [Fact]
    public async Task A_handlers_problem_without_fields_comes_back_as_the_message()
    {
        await using var host = await StartAsync();
        using var post = await host.Client.SendAsync(FormPost("SignUp", ("userName", "taken"), ("secret1", "longenough"), ("__formUrl", "/signup")));

        post.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var (page, state) = await ReadStateAsync(host, StateCookie(post));
        using (page)
        {
            state!.Value.GetProperty("code").GetString().Should().Be("conflict");
            state.Value.GetProperty("message").GetString().Should().Be("That user name is taken.");
            state.Value.GetProperty("values").GetProperty("userName")[0].GetString().Should().Be("taken");
        }
    }

    [Fact]
    public async Task Without_a_local_form_page_the_failure_is_a_problem()
    {
        await using var host = await StartAsync();
        using var request = FormPost("CreateNote", ("title", ""), ("__formUrl", "//evil.example/steal"));
        request.Headers.Referrer = new Uri("https://evil.example/page");

        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Code.Should().Be("validation_failed");
        response.Headers.TryGetValues("Set-Cookie", out _).Should().BeFalse();
    }

    [Fact]
    public async Task A_client_asking_for_json_gets_the_problem_not_a_redirect()
    {
        await using var host = await StartAsync();
        using var request = FormPost("CreateNote", ("title", ""), ("__formUrl", "/notes/new"));
        request.Headers.Accept.Clear();
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_tampered_or_expired_state_is_no_state()
    {
        await using var host = await StartAsync();
        using var post = await host.Client.SendAsync(FormPost("CreateNote", ("title", ""), ("__formUrl", "/notes/new")));
        var cookie = StateCookie(post);
        var tampered = cookie[..^4] + (cookie[^4] == 'A' ? "B" : "A") + cookie[^3..];
        var protector = host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Hybrid.Actions.FormState.v1").ToTimeLimitedDataProtector();
        var expired = ".Hybrid.Form=" + Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(
            protector.Protect("""{"a":"CreateNote","c":"validation_failed","v":{},"e":{}}"""u8.ToArray(), DateTimeOffset.UtcNow.AddMinutes(-1)));

        var (tamperedPage, tamperedState) = await ReadStateAsync(host, tampered);
        var (expiredPage, expiredState) = await ReadStateAsync(host, expired);
        using (tamperedPage)
        using (expiredPage)
        {
            tamperedState.Should().BeNull();
            expiredState.Should().BeNull();
        }
    }

    [Fact]
    public async Task The_state_stays_within_one_cookie_however_much_was_typed()
    {
        await using var host = await StartAsync();
        var fields = Enumerable.Range(0, 40).Select(i => ("extra" + i, new string('x', 500))).Append(("title", "")).Append(("__formUrl", "/notes/new")).ToArray();

        // Forty unknown fields are ignored, the empty title is the error; the cookie still holds what fits.
        using var post = await host.Client.SendAsync(FormPost("CreateNote", fields));

        post.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var cookie = StateCookie(post);
        cookie.Length.Should().BeLessThan(4000);
        var (page, state) = await ReadStateAsync(host, cookie);
        using (page)
        {
            state!.Value.GetProperty("errors").EnumerateObject().Should().NotBeEmpty("errors are kept before values");
        }
    }
}
