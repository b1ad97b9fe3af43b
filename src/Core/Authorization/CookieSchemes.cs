using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid;

/// <summary>Whether an endpoint takes a cookie as a credential, which makes it a CSRF target.</summary>
internal static class CookieSchemes
{
    /// <summary>True when any of <paramref name="schemes"/> is handled by ASP.NET Core's cookie handler.</summary>
    public static bool AnyIn(IServiceProvider services, IReadOnlyList<string> schemes)
    {
        var provider = services.GetService<IAuthenticationSchemeProvider>();
        if (provider is null)
        {
            return false;
        }

        // The scheme provider answers from memory; its Task completes synchronously.
        return schemes.Any(name => provider.GetSchemeAsync(name).GetAwaiter().GetResult()?.HandlerType is { } handler &&
            typeof(CookieAuthenticationHandler).IsAssignableFrom(handler));
    }
}
