using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
    public async Task The_cookie_stays_small_however_much_was_typed_and_every_value_comes_back()
    {
        await using var host = await StartAsync();
        var fields = Enumerable.Range(0, 40).Select(i => ("extra" + i, new string('x', 500))).Append(("title", "")).Append(("__formUrl", "/notes/new")).ToArray();

        // Forty unknown fields are ignored by binding, the empty title is the error; the state is kept on the server.
        using var post = await host.Client.SendAsync(FormPost("CreateNote", fields));

        post.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var cookie = StateCookie(post);
        cookie.Length.Should().BeLessThan(1000);
        var (page, state) = await ReadStateAsync(host, cookie);
        using (page)
        {
            state!.Value.GetProperty("errors").EnumerateObject().Should().NotBeEmpty();
            state.Value.GetProperty("values").EnumerateObject().Where(v => v.Name.StartsWith("extra", StringComparison.Ordinal))
                .Should().HaveCount(40).And.OnlyContain(v => v.Value[0].GetString() == new string('x', 500));
        }
    }

    [Fact]
    public async Task A_state_larger_than_the_store_keeps_drops_its_longest_values_first()
    {
        await using var host = await StartAsync();
        using var post = await host.Client.SendAsync(FormPost(
            "CreateNote", ("huge", new string('h', 70_000)), ("long", new string('l', 30_000)), ("title", ""), ("__formUrl", "/notes/new")));

        var (page, state) = await ReadStateAsync(host, StateCookie(post));
        using (page)
        {
            var values = state!.Value.GetProperty("values");
            values.TryGetProperty("huge", out _).Should().BeFalse($"a state is kept up to {FormStateStore.MaxEntryBytes} bytes");
            values.GetProperty("long")[0].GetString().Should().HaveLength(30_000);
            state.Value.GetProperty("errors").TryGetProperty("title", out _).Should().BeTrue();
        }
    }

    [Fact]
    public async Task One_client_holds_a_bounded_number_of_kept_states_however_often_it_posts()
    {
        await using var host = await StartAsync();
        var cookies = new List<string>();
        for (var i = 0; i < 3 * FormStateStore.SlotsPerOwner; i++)
        {
            using var post = await host.Client.SendAsync(FormPost("CreateNote", ("body", i + new string('b', 3000)), ("title", ""), ("__formUrl", "/notes/new")));
            cookies.Add(StateCookie(post));
        }

        var kept = 0;
        foreach (var cookie in cookies)
        {
            var (page, state) = await ReadStateAsync(host, cookie);
            using (page)
            {
                kept += state is null ? 0 : 1;
            }
        }

        kept.Should().BeInRange(1, FormStateStore.SlotsPerOwner, "each new state takes one of the client's slots");
        var (again, last) = await ReadStateAsync(host, cookies[^1]);
        using (again)
        {
            last.Should().BeNull("a kept state is read once");
        }
    }

    [Fact]
    public async Task A_reference_to_a_kept_state_that_is_not_this_cookies_is_no_state()
    {
        await using var host = await StartAsync();
        using var post = await host.Client.SendAsync(FormPost("CreateNote", ("body", new string('b', 5000)), ("title", ""), ("__formUrl", "/notes/new")));
        var protector = host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Hybrid.Actions.FormState.v1").ToTimeLimitedDataProtector();
        var reference = JsonDocument.Parse(protector.Unprotect(WebEncoders.Base64UrlDecode(StateCookie(post)[".Hybrid.Form=".Length..])));
        var key = reference.RootElement.GetProperty("r").GetString()!;
        string Forge(string json) => ".Hybrid.Form=" + WebEncoders.Base64UrlEncode(protector.Protect(System.Text.Encoding.UTF8.GetBytes(json), TimeSpan.FromMinutes(1)));

        foreach (var forged in new[]
        {
            Forge($$"""{"r":"{{key}}","n":"{{WebEncoders.Base64UrlEncode(new byte[16])}}"}"""),
            Forge($$"""{"r":"{{key}}","n":"not base64 at all!"}"""),
            Forge("""{"r":"Hybrid.FormState:nobody:0","n":"AAAAAAAAAAAAAAAAAAAAAA"}"""),
            Forge("""{"r":"idempotency:someone-else","n":"AAAAAAAAAAAAAAAAAAAAAA"}"""),
        })
        {
            var (page, state) = await ReadStateAsync(host, forged);
            using (page)
            {
                page.StatusCode.Should().Be(HttpStatusCode.NoContent);
                state.Should().BeNull();
            }
        }

        // The real cookie still finds its state: a wrong nonce did not consume it.
        var (real, found) = await ReadStateAsync(host, StateCookie(post));
        using (real)
        {
            found!.Value.GetProperty("values").GetProperty("body")[0].GetString().Should().HaveLength(5000);
        }
    }

    [Fact]
    public async Task When_the_cache_cannot_keep_a_long_state_the_cookie_keeps_what_fits_and_a_warning_says_so()
    {
        var log = new RecordedLog();
        await using var host = await ActionsHost.StartAsync(
            o => o.Expose<SignUp>(op => op.AsAction()),
            map: app =>
            {
                app.MapHybridActions();
                app.MapGet(StatePage, (HttpContext context) => context.GetHybridFormState() is { } state
                    ? Results.Json(new { state.ActionId, state.Code, state.Message, state.Values, state.Errors })
                    : Results.NoContent());
            },
            services: s =>
            {
                log.AddTo(s);
                s.AddSingleton<IDistributedCache>(new UnreachableCache());
            });

        using var post = await host.Client.SendAsync(FormPost("CreateNote", ("body", new string('b', 5000)), ("title", ""), ("__formUrl", "/notes/new")));

        post.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var (page, state) = await ReadStateAsync(host, StateCookie(post));
        using (page)
        {
            state!.Value.GetProperty("values").TryGetProperty("body", out _).Should().BeFalse("the longest value is dropped to fit the cookie");
            state.Value.GetProperty("errors").TryGetProperty("title", out _).Should().BeTrue();
        }

        log.Entries.Should().ContainSingle(e => e.EventId == 81 && e.Level == LogLevel.Warning && e.Category == "Hybrid.Actions.Forms");
    }

    /// <summary>A distributed cache whose server is unreachable: every call fails, as a Redis outage does.</summary>
    private sealed class UnreachableCache : IDistributedCache
    {
        public byte[]? Get(string key) => throw Unreachable();

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => throw Unreachable();

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => throw Unreachable();

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => throw Unreachable();

        public void Refresh(string key) => throw Unreachable();

        public Task RefreshAsync(string key, CancellationToken token = default) => throw Unreachable();

        public void Remove(string key) => throw Unreachable();

        public Task RemoveAsync(string key, CancellationToken token = default) => throw Unreachable();

        private static System.Net.Sockets.SocketException Unreachable() => new((int)System.Net.Sockets.SocketError.ConnectionRefused);
    }
}
