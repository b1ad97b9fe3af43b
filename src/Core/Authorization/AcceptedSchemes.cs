using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid;

/// <summary>
/// The authentication schemes a door's endpoint accepts, read from its final metadata the way ASP.NET
/// Core's policy evaluator reads them: the schemes its policies name (the door's own, added by
/// <see cref="DoorSchemes"/>, among them), else the door's schemes, else the app's default scheme.
/// </summary>
internal static class AcceptedSchemes
{
    public static IReadOnlyList<string> Of(IServiceProvider services, IReadOnlyList<object> metadata, IReadOnlyList<string> doorSchemes)
    {
        List<string>? names = null;
        foreach (var item in metadata)
        {
            var named = item switch
            {
                IAuthorizeData data => Split(data.AuthenticationSchemes),
                AuthorizationPolicy policy => policy.AuthenticationSchemes,
                _ => null,
            };
            foreach (var name in named ?? [])
            {
                if (!(names ??= []).Contains(name, StringComparer.Ordinal))
                {
                    names.Add(name);
                }
            }
        }

        if (names is not null)
        {
            return names;
        }

        if (doorSchemes.Count > 0)
        {
            return doorSchemes;
        }

        // The scheme provider answers from memory; its Task completes synchronously.
        return services.GetService<IAuthenticationSchemeProvider>()?.GetDefaultAuthenticateSchemeAsync().GetAwaiter().GetResult() is { } fallback
            ? [fallback.Name]
            : [];
    }

    private static string[] Split(string? schemes) =>
        string.IsNullOrEmpty(schemes) ? [] : schemes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
