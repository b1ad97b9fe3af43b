using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

        var options = services.GetRequiredService<IOptions<HybridOptions>>().Value;
        var names = metadata.OfType<IAuthorizeData>()
            .SelectMany(a => (a.AuthenticationSchemes ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        if (names.Count == 0)
        {
            names.AddRange(door == HybridDoors.Action ? options.ActionAuthenticationSchemes : options.RestAuthenticationSchemes);
        }

        if (names.Count == 0 && provider.GetDefaultAuthenticateSchemeAsync().GetAwaiter().GetResult() is { } fallback)
        {
            names.Add(fallback.Name);
        }

        // The scheme provider answers from memory; its Task completes synchronously.
        return names.Any(name => provider.GetSchemeAsync(name).GetAwaiter().GetResult()?.HandlerType is { } handler &&
            typeof(CookieAuthenticationHandler).IsAssignableFrom(handler));
    }
}
