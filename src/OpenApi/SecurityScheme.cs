using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hybrid;

/// <summary>
/// How a document describes one of the app's authentication schemes, as an OpenAPI security scheme:
/// a JWT bearer scheme as <c>http</c>/<c>bearer</c>, a cookie scheme as an <c>apiKey</c> in its
/// cookie. Other handlers are not described: a document cannot say truthfully what they read.
/// </summary>
internal sealed record SecurityScheme(string Name, string Type, string? HttpScheme, string? In, string? ParameterName, string Description)
{
    private const string JwtBearerHandler = "JwtBearerHandler";

    /// <summary>The scheme named <paramref name="name"/> as a document describes it, or <see langword="null"/> when it is not registered or not describable.</summary>
    public static SecurityScheme? Describe(IServiceProvider services, string name)
    {
        // The scheme provider answers from memory; its Task completes synchronously.
        var scheme = services.GetService<IAuthenticationSchemeProvider>()?.GetSchemeAsync(name).GetAwaiter().GetResult();
        if (scheme is null)
        {
            return null;
        }

        if (typeof(CookieAuthenticationHandler).IsAssignableFrom(scheme.HandlerType))
        {
            var cookie = services.GetService<IOptionsMonitor<CookieAuthenticationOptions>>()?.Get(scheme.Name).Cookie.Name;
            cookie = string.IsNullOrEmpty(cookie) ? CookieAuthenticationDefaults.CookiePrefix + scheme.Name : cookie;
            return new SecurityScheme(scheme.Name, "apiKey", null, "cookie", cookie, $"The {scheme.Name} sign-in cookie, as the browser sends it after signing in.");
        }

        // Matched by name: Hybrid does not reference the JWT bearer package.
        if (scheme.HandlerType.Name == JwtBearerHandler || string.Equals(scheme.Name, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return new SecurityScheme(scheme.Name, "http", "bearer", null, null, "A JSON Web Token in the Authorization header: Bearer <token>.");
        }

        return null;
    }

    public void Write(Utf8JsonWriter writer, string key)
    {
        writer.WriteStartObject(key);
        writer.WriteString("type", Type);
        writer.WriteString("description", Description);
        if (HttpScheme is not null)
        {
            writer.WriteString("scheme", HttpScheme);
            writer.WriteString("bearerFormat", "JWT");
        }
        else
        {
            writer.WriteString("name", ParameterName);
            writer.WriteString("in", In);
        }

        writer.WriteEndObject();
    }
}
