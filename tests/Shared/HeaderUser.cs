using System.Security.Claims;
using Microsoft.AspNetCore.Builder;

namespace Hybrid.Testing;

/// <summary>Signs a request in as the user its <see cref="Header"/> names (name and name identifier), for hosts that test who may call what.</summary>
public static class HeaderUser
{
    public const string Header = "X-Test-User";

    public static void Use(WebApplication app) =>
        app.Use((context, next) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var user))
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity(
                    [new Claim(ClaimTypes.NameIdentifier, user.ToString()), new Claim(ClaimTypes.Name, user.ToString())], "test"));
            }

            return next(context);
        });
}
