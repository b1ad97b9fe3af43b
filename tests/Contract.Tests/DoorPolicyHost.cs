using System.Security.Claims;
using Hybrid.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Contract.Tests;

/// <summary>
/// Both doors with a cookie scheme (the default, login page <c>/login</c>) and a bearer scheme:
/// actions accept the cookie, REST routes the bearer token, unless the REST door is given cookies too.
/// <c>GET /test-sign-in?user=&amp;role=</c> sets the cookie.
/// </summary>
public static class DoorPolicyHost
{
    public static Task<TestHost> StartAsync(bool restCookies = false) =>
        TestHost.StartAsync(
            [typeof(RemoveNote).Assembly],
            options =>
            {
                options.Actions().AuthenticationSchemes.Add(CookieAuthenticationDefaults.AuthenticationScheme);
                options.Rest().AuthenticationSchemes.Add(restCookies ? CookieAuthenticationDefaults.AuthenticationScheme : TestBearer.Name);
            },
            services =>
            {
                services.AddSingleton<NoteStore>();
                services.AddSingleton<RecordStore>();
                services.AddHttpContextAccessor();
                services.AddRateLimiter(_ => { });
                services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                    .AddCookie(o => o.LoginPath = "/login")
                    .AddScheme<AuthenticationSchemeOptions, TestBearer>(TestBearer.Name, null);
                services.AddAuthorization();
            },
            app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                app.MapGet("/test-sign-in", async (HttpContext context, string user, string? role) =>
                {
                    var claims = new List<Claim> { new(ClaimTypes.Name, user) };
                    if (role is not null)
                    {
                        claims.Add(new Claim(ClaimTypes.Role, role));
                    }

                    await context.SignInAsync(new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
                });
                app.MapHybridActions();
                app.MapHybridRest();
            });

    /// <summary>Signs in through the cookie scheme and returns the Cookie header value.</summary>
    public static async Task<string> CookieForAsync(this TestHost host, string user, string? role)
    {
        using var response = await host.Client.GetAsync($"/test-sign-in?user={user}" + (role is null ? string.Empty : "&role=" + role));
        response.EnsureSuccessStatusCode();
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    public static NoteStore Notes(this TestHost host) => host.Services.GetRequiredService<NoteStore>();
}
