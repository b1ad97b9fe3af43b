using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Hybrid.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hybrid.Actions.Tests;

/// <summary>
/// A test app with both doors mapped over this assembly, the token page of <see cref="ActionsHost"/>
/// and a <see cref="HandlerCalls"/> log.
/// </summary>
public static class BothDoorsHost
{
    public static Task<TestHost> StartAsync(
        Action<HybridOptions> configure,
        Action<WebApplication>? map = null,
        Action<IServiceCollection>? services = null,
        bool requireTokens = false) =>
        ActionsHost.StartAsync(
            configure,
            map ?? (app =>
            {
                app.MapHybridActions();
                app.MapHybridRest();
            }),
            s =>
            {
                s.AddSingleton<HandlerCalls>();
                services?.Invoke(s);
            },
            requireTokens);

    public static HandlerCalls Calls(this TestHost host) => host.Services.GetRequiredService<HandlerCalls>();

    /// <summary>Loads the token page as <paramref name="user"/> (antiforgery tokens are bound to the user).</summary>
    public static async Task<Xsrf> GetXsrfAsync(HttpClient client, TestUser? user = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ActionsHost.TokenPath);
        user?.Apply(request);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadAsStringAsync();
        var cookies = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        var antiforgery = cookies.Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        var xsrf = cookies.Single(c => c.StartsWith(HybridAntiforgery.CookieName + "=", StringComparison.Ordinal));
        return new Xsrf(string.Join("; ", cookies), token, antiforgery, xsrf);
    }

    /// <summary>A JSON POST to an action with the antiforgery cookie and header, sent as <paramref name="user"/>.</summary>
    public static HttpRequestMessage ActionPost(string actionId, HttpContent content, Xsrf? xsrf, TestUser? user = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/_actions/" + actionId) { Content = content };
        if (xsrf is not null)
        {
            message.Headers.Add("Cookie", xsrf.CookieHeader);
            message.Headers.Add(HybridAntiforgery.HeaderName, xsrf.RequestToken);
        }

        user?.Apply(message);
        return message;
    }

    public static HttpRequestMessage RestSend(HttpMethod method, string path, HttpContent? content = null, TestUser? user = null)
    {
        var message = new HttpRequestMessage(method, path) { Content = content };
        user?.Apply(message);
        return message;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}

/// <summary>Who the test signs in as, through <see cref="HeaderAuthenticationHandler"/>.</summary>
public sealed record TestUser(string Name, params string[] Roles)
{
    public void Apply(HttpRequestMessage request)
    {
        request.Headers.Add(HeaderAuthenticationHandler.UserHeader, Name);
        if (Roles.Length > 0)
        {
            request.Headers.Add(HeaderAuthenticationHandler.RolesHeader, string.Join(",", Roles));
        }
    }
}

/// <summary>
/// A real ASP.NET Core authentication handler: a request with <see cref="UserHeader"/> is signed in
/// as that user with the roles in <see cref="RolesHeader"/>; without it the caller is anonymous.
/// Challenge and forbid are the base class's: a bare 401 and 403.
/// </summary>
public sealed class HeaderAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestHeader";

    public const string UserHeader = "X-Test-User";

    public const string RolesHeader = "X-Test-Roles";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var user = Request.Headers[UserHeader].ToString();
        if (user.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user), new(ClaimTypes.Name, user) };
        foreach (var role in Request.Headers[RolesHeader].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            claims.Add(new Claim(ClaimTypes.Role, role));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    public static void Register(IServiceCollection services)
    {
        services.AddAuthentication(SchemeName).AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(SchemeName, _ => { });
        services.AddAuthorization();
    }
}

/// <summary>
/// Both doors on Kestrel (<see cref="TestHost.StartOnKestrelAsync"/>): only a real server enforces a
/// limit on a body sent without Content-Length.
/// </summary>
public sealed class KestrelDoors : IAsyncDisposable
{
    private readonly TestHost _host;

    private KestrelDoors(TestHost host) => _host = host;

    public HttpClient Client => _host.Client;

    public HandlerCalls Calls => _host.Services.GetRequiredService<HandlerCalls>();

    /// <summary>How the last request to a door framed its body, as the server saw it.</summary>
    public BodyFraming? LastBody { get; private set; }

    public static async Task<KestrelDoors> StartAsync(Action<HybridOptions> configure)
    {
        KestrelDoors? doors = null;
        var host = await TestHost.StartOnKestrelAsync(
            [typeof(CreateNote).Assembly],
            configure,
            s =>
            {
                s.AddAntiforgery(o => o.HeaderName = HybridAntiforgery.HeaderName);
                s.AddSingleton<HandlerCalls>();
                s.AddSingleton<NoteStore>();
            },
            app =>
            {
                app.Use((context, next) =>
                {
                    if (context.Request.Path.StartsWithSegments("/_actions") || context.Request.Path.StartsWithSegments("/api"))
                    {
                        doors!.LastBody = new BodyFraming(context.Request.ContentLength, context.Request.Headers.TransferEncoding.ToString());
                    }

                    return next(context);
                });
                app.MapGet(ActionsHost.TokenPath, (HttpContext context) => Results.Text(context.IssueXsrfToken().RequestToken));
                app.MapHybridActions();
                app.MapHybridRest();
            });
        doors = new KestrelDoors(host);
        return doors;
    }

    public sealed record BodyFraming(long? ContentLength, string TransferEncoding);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
