using Hybrid.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Contract.Tests;

/// <summary>
/// Both doors over <see cref="RemoveNote"/>'s assembly with the schemes a real app has: a cookie
/// (the default, named <see cref="CookieName"/>, login page <see cref="LoginPath"/>) for actions;
/// <c>Bearer</c> (a <see cref="TestBearer"/>) and <c>Partner</c> (a <see cref="JwtBearerHandler"/>)
/// for REST unless the REST door is given other schemes; and <see cref="TestBearer"/>, which no
/// document can describe. <c>GET /test-sign-in?user=&amp;role=</c> sets the cookie; a bearer token
/// is <c>name:role</c>.
/// </summary>
public static class AuthHost
{
    public const string CookieName = "notes.session";

    public const string LoginPath = "/login";

    public static Task<TestHost> StartAsync(
        string environment = "Production",
        Action<HybridOptions>? configure = null,
        Action<HybridEndpointConventionBuilder>? actions = null,
        Action<HybridEndpointConventionBuilder>? rest = null,
        string[]? restSchemes = null) =>
        TestHost.StartAsync(
            [typeof(RemoveNote).Assembly],
            options =>
            {
                options.Actions().AuthenticationSchemes.Add(CookieAuthenticationDefaults.AuthenticationScheme);
                foreach (var scheme in restSchemes ?? ["Bearer", "Partner"])
                {
                    options.Rest().AuthenticationSchemes.Add(scheme);
                }

                configure?.Invoke(options);
            },
            services =>
            {
                services.AddSingleton<NoteStore>();
                services.AddSingleton<RecordStore>();
                services.AddHttpContextAccessor();
                services.AddRateLimiter(_ => { });
                services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                    .AddCookie(o =>
                    {
                        o.Cookie.Name = CookieName;
                        o.LoginPath = LoginPath;
                    })
                    .AddScheme<AuthenticationSchemeOptions, TestBearer>("Bearer", null)
                    .AddScheme<AuthenticationSchemeOptions, JwtBearerHandler>("Partner", null)
                    .AddScheme<AuthenticationSchemeOptions, TestBearer>(TestBearer.Name, null);
                services.AddAuthorization();
            },
            app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                CookieSignIn.Map(app);
                var actionDoor = app.MapHybridActions();
                var restDoor = app.MapHybridRest();
                actions?.Invoke(actionDoor);
                rest?.Invoke(restDoor);
            },
            environment);

    /// <summary>Signs in through the cookie scheme and returns the Cookie header value.</summary>
    public static async Task<string> CookieForAsync(this TestHost host, string user, string? role)
    {
        using var response = await host.Client.GetAsync($"/test-sign-in?user={user}" + (role is null ? string.Empty : "&role=" + role));
        response.EnsureSuccessStatusCode();
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    /// <summary>A GET sent with the cookie of <paramref name="cookieUser"/> or the bearer token <paramref name="bearer"/>, if given.</summary>
    public static async Task<HttpResponseMessage> GetAsync(this TestHost host, string path, string? cookieUser = null, string? cookieRole = null, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookieUser is not null)
        {
            request.Headers.Add("Cookie", await host.CookieForAsync(cookieUser, cookieRole));
        }

        if (bearer is not null)
        {
            request.Headers.Add("Authorization", "Bearer " + bearer);
        }

        return await host.Client.SendAsync(request);
    }

    public static NoteStore Notes(this TestHost host) => host.Services.GetRequiredService<NoteStore>();
}
