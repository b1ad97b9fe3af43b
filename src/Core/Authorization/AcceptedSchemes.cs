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
        var names = metadata.OfType<IAuthorizeData>()
            .SelectMany(a => Split(a.AuthenticationSchemes))
            .Concat(metadata.OfType<AuthorizationPolicy>().SelectMany(p => p.AuthenticationSchemes))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0)
        {
            names.AddRange(doorSchemes);
        }

        // The scheme provider answers from memory; its Task completes synchronously.
        if (names.Count == 0 && services.GetService<IAuthenticationSchemeProvider>()?.GetDefaultAuthenticateSchemeAsync().GetAwaiter().GetResult() is { } fallback)
        {
            names.Add(fallback.Name);
        }

        return names;
    }

    private static string[] Split(string? schemes) =>
        (schemes ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
