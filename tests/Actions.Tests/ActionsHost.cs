using System.Text;
using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Actions.Tests;

/// <summary>The antiforgery pair a page would have: the cookies to send back and the request token.</summary>
public sealed record Xsrf(string CookieHeader, string RequestToken, string AntiforgeryCookie, string XsrfCookie);

/// <summary>Starts a test host with the action door, a <see cref="NoteStore"/>, and a page that issues tokens.</summary>
public static class ActionsHost
{
    public const string TokenPath = "/test/xsrf";

    public static Task<TestHost> StartAsync(
        Action<HybridOptions>? configure = null,
        Action<WebApplication>? map = null,
        Action<IServiceCollection>? services = null,
        bool requireTokens = false) =>
        TestHost.StartAsync(
            [typeof(CreateNote).Assembly],
            o =>
            {
                // These tests read what the document says; who may read it is ActionsDocumentAccessTests' subject.
                o.Actions().PublicDocument = true;
                o.Actions().RequireAntiforgeryTokens = requireTokens;
                configure?.Invoke(o);
            },
            s =>
            {
                s.AddAntiforgery(o => o.HeaderName = HybridAntiforgery.HeaderName);
                s.AddSingleton<NoteStore>();
                services?.Invoke(s);
            },
            app =>
            {
                app.MapGet(TokenPath, (HttpContext context) => Results.Text(context.IssueXsrfToken().RequestToken));
                if (map is null)
                {
                    app.MapHybridActions();
                }
                else
                {
                    map(app);
                }
            });

    /// <summary>Both doors over this assembly with the token page and a <see cref="HandlerCalls"/> log.</summary>
    public static Task<TestHost> StartBothDoorsAsync(
        Action<HybridOptions> configure,
        Action<WebApplication>? map = null,
        Action<IServiceCollection>? services = null,
        bool requireTokens = false) =>
        StartAsync(
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

    public static NoteStore Store(this TestHost host) => host.Services.GetRequiredService<NoteStore>();

    /// <summary>Loads the token page and keeps what a browser would: its cookies and the token.</summary>
    public static Task<Xsrf> GetXsrfAsync(this TestHost host) => GetXsrfAsync(host.Client);

    /// <summary>Loads the token page as <paramref name="user"/> (antiforgery tokens are bound to the user).</summary>
    public static async Task<Xsrf> GetXsrfAsync(HttpClient client, TestUser? user = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, TokenPath);
        user?.Apply(request);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadAsStringAsync();
        var cookies = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        var antiforgery = cookies.Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        var xsrf = cookies.Single(c => c.StartsWith(HybridAntiforgery.CookieName + "=", StringComparison.Ordinal));
        return new Xsrf(string.Join("; ", cookies), token, antiforgery, xsrf);
    }

    /// <summary>The page session <see cref="DoorCase"/> sends to the action door.</summary>
    public static DoorSession Session(this Xsrf xsrf) => new(xsrf.CookieHeader, HybridAntiforgery.HeaderName, xsrf.RequestToken);

    /// <summary>A POST to an action with the antiforgery cookie and header, sent as <paramref name="user"/>.</summary>
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

    /// <summary>A JSON POST to an action with the antiforgery cookie and header, as the SPA client sends it.</summary>
    public static HttpRequestMessage JsonPost(string actionId, string json, Xsrf? xsrf, string? token = null, string? cookies = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/_actions/" + actionId)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        var cookieHeader = cookies ?? xsrf?.CookieHeader;
        if (cookieHeader is not null)
        {
            message.Headers.Add("Cookie", cookieHeader);
        }

        var header = token ?? xsrf?.RequestToken;
        if (header is not null)
        {
            message.Headers.Add(HybridAntiforgery.HeaderName, header);
        }

        return message;
    }

    /// <summary>A plain HTML form POST: the token in the form field, the cookies in the Cookie header.</summary>
    public static HttpRequestMessage FormPost(string actionId, Xsrf xsrf, IEnumerable<KeyValuePair<string, string>> fields, string? accept = null)
    {
        var all = fields.Append(new KeyValuePair<string, string>(HybridAntiforgery.FormFieldName, xsrf.RequestToken));
        var message = new HttpRequestMessage(HttpMethod.Post, "/_actions/" + actionId)
        {
            Content = new FormUrlEncodedContent(all),
        };
        message.Headers.Add("Cookie", xsrf.CookieHeader);
        message.Headers.Accept.ParseAdd(accept ?? "text/html");
        return message;
    }
}
