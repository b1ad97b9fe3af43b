using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Hybrid.Testing;

/// <summary>
/// <c>GET /test-sign-in?user=&amp;role=</c>: signs the caller in with the cookie scheme as that user
/// (with that role, when given), so a test holds the cookie a real sign-in page would set.
/// </summary>
public static class CookieSignIn
{
    public const string Path = "/test-sign-in";

    public static void Map(WebApplication app) =>
        app.MapGet(Path, async (HttpContext context, string user, string? role) =>
        {
            var claims = new List<Claim> { new(ClaimTypes.Name, user) };
            if (role is not null)
            {
                claims.Add(new Claim(ClaimTypes.Role, role));
            }

            await context.SignInAsync(new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
        });
}
