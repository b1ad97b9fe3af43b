using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid;

/// <summary>Whether a door's endpoint takes a cookie as a credential, which makes it a CSRF target.</summary>
internal static class CookieSchemes
{
    /// <summary>
    /// True when any scheme the endpoint's policy authenticates with (or, when it names none, the
    /// door's schemes, else the app's default scheme) is handled by ASP.NET Core's cookie handler.
    /// </summary>
    public static bool AnyIn(IServiceProvider services, IReadOnlyList<object> metadata, string door)
    {
        var provider = services.GetService<IAuthenticationSchemeProvider>();
        if (provider is null)
        {
            return false;
        }

        var names = AcceptedSchemes.Of(services, metadata, door);

        // The scheme provider answers from memory; its Task completes synchronously.
        return names.Any(name => provider.GetSchemeAsync(name).GetAwaiter().GetResult()?.HandlerType is { } handler &&
            typeof(CookieAuthenticationHandler).IsAssignableFrom(handler));
    }
}
