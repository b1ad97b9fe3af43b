using System.Net;
using System.Security.Claims;
using Hybrid.Actions;
using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Security.Tests;

/// <summary>
/// With tokens on, a tampered, swapped, replayed (another user's) or misplaced antiforgery token is
/// 400 antiforgery_failed, and a valid token does not let another site through.
/// </summary>
public sealed class AntiforgeryTokenTests : IAsyncLifetime
{
    private const string TokenPage = "/test/xsrf";

    private const string Valid = """{"title":"with a token"}""";

    private TestHost? _host;

    private Ledger Ledger => _host!.Services.GetRequiredService<Ledger>();

    public async Task InitializeAsync() =>
        _host = await TestHost.StartAsync(
            [typeof(CreateNote).Assembly],
            o =>
            {
                SecurityHost.Expose(o);
                o.Actions().RequireAntiforgeryTokens = true;
            },
            s =>
            {
                s.AddAntiforgery(o => o.HeaderName = HybridAntiforgery.HeaderName);
                s.AddSingleton<Ledger>();
            },
            app =>
            {
                app.Use((context, next) =>
                {
                    if (context.Request.Headers.TryGetValue(SecurityHost.UserHeader, out var user))
                    {
                        context.User = new ClaimsPrincipal(new ClaimsIdentity(
                            [new Claim(ClaimTypes.NameIdentifier, user.ToString()), new Claim(ClaimTypes.Name, user.ToString())], "test"));
                    }

                    return next(context);
                });
                app.MapGet(TokenPage, (HttpContext context) => Results.Text(context.IssueXsrfToken().RequestToken));
                app.MapHybridActions();
            });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    public static TheoryData<string> Cases => new()
    {
        "no token",
        "tampered token",
        "tampered cookie",
        "token of another issuance",
        "token and cookie swapped",
        "another user's token and cookie",
        "token in the query string",
        "empty token",
        "100,000-character token",
        "token twice",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_token_is_400_antiforgery_failed(string name)
    {
        var alice = await IssueAsync("alice");
        var other = await IssueAsync("alice");
        var bob = await IssueAsync("bob");
        var (cookie, token, user, query) = name switch
        {
            "no token" => (alice.Cookie, (string?)null, "alice", ""),
            "tampered token" => (alice.Cookie, Flip(alice.Token), "alice", ""),
            "tampered cookie" => (Flip(alice.Cookie), alice.Token, "alice", ""),
            "token of another issuance" => (alice.Cookie, other.Token, "alice", ""),
            "token and cookie swapped" => (alice.Cookie.Split('=')[0] + "=" + alice.Token, alice.Cookie[(alice.Cookie.IndexOf('=', StringComparison.Ordinal) + 1)..], "alice", ""),
            "another user's token and cookie" => (bob.Cookie, bob.Token, "alice", ""),
            "token in the query string" => (alice.Cookie, null, "alice", "?__RequestVerificationToken=" + Uri.EscapeDataString(alice.Token)),
            "empty token" => (alice.Cookie, "", "alice", ""),
            "100,000-character token" => (alice.Cookie, new string('A', 100_000), "alice", ""),
            _ => (alice.Cookie, alice.Token + "," + alice.Token, "alice", ""),
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/_actions/CreateNote" + query) { Content = DoorCase.JsonContent(Valid) };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.TryAddWithoutValidation("Cookie", cookie);
        request.Headers.TryAddWithoutValidation(SecurityHost.UserHeader, user);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation(HybridAntiforgery.HeaderName, token);
        }

        await ShouldRefuseAsync(request, HttpStatusCode.BadRequest, ProblemCodes.AntiforgeryFailed);
    }

    [Fact]
    public async Task A_valid_token_does_not_let_another_site_through()
    {
        var alice = await IssueAsync("alice");
        var request = new HttpRequestMessage(HttpMethod.Post, "/_actions/CreateNote") { Content = DoorCase.JsonContent(Valid) };
        request.Headers.TryAddWithoutValidation("Cookie", alice.Cookie);
        request.Headers.TryAddWithoutValidation(SecurityHost.UserHeader, "alice");
        request.Headers.TryAddWithoutValidation(HybridAntiforgery.HeaderName, alice.Token);
        request.Headers.TryAddWithoutValidation("Origin", "https://evil.example");
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "cross-site");

        await ShouldRefuseAsync(request, HttpStatusCode.Forbidden, ProblemCodes.CrossSiteRequest);
    }

    [Fact]
    public async Task The_control_a_valid_token_is_accepted()
    {
        var alice = await IssueAsync("alice");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_actions/CreateNote") { Content = DoorCase.JsonContent(Valid) };
        request.Headers.TryAddWithoutValidation("Cookie", alice.Cookie);
        request.Headers.TryAddWithoutValidation(SecurityHost.UserHeader, "alice");
        request.Headers.TryAddWithoutValidation(HybridAntiforgery.HeaderName, alice.Token);

        using var response = await _host!.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Ledger.Runs.Should().Be(1);
    }

    private async Task ShouldRefuseAsync(HttpRequestMessage request, HttpStatusCode status, string code)
    {
        using (request)
        {
            using var response = await _host!.Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.Should().Be(status, text);
            response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
            text.Should().Contain($"\"code\":\"{code}\"");
            SecurityHost.ShouldLeakNothing(text);
            Ledger.Runs.Should().Be(0);
            Ledger.Stored.Should().BeEmpty();
        }
    }

    private async Task<(string Cookie, string Token)> IssueAsync(string user)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, TokenPage);
        request.Headers.TryAddWithoutValidation(SecurityHost.UserHeader, user);
        using var response = await _host!.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var cookie = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        return (cookie, await response.Content.ReadAsStringAsync());
    }

    private static string Flip(string value)
    {
        var i = value.Length - 5;
        return value[..i] + (value[i] == 'A' ? 'B' : 'A') + value[(i + 1)..];
    }
}
