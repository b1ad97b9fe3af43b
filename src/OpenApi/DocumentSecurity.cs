using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid;

/// <summary>
/// What one document says about authentication: as <c>components.securitySchemes</c>, the schemes
/// its door accepts (the door's schemes, else the app's default one) and those its operations'
/// policies name, each as <see cref="SecurityScheme"/> describes it; per operation that has a
/// policy, the schemes its final metadata accepts, any one of them sufficing, as ASP.NET Core's
/// policy evaluator merges them.
/// </summary>
internal sealed class DocumentSecurity
{
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private readonly List<(string Key, SecurityScheme Scheme)> _schemes = [];

    public DocumentSecurity(IServiceProvider services, DoorTraits door, IEnumerable<EndpointSettings> operations, IEnumerable<string> reserved)
    {
        var taken = new HashSet<string>(reserved, StringComparer.Ordinal);
        IEnumerable<string> names = door.AuthenticationSchemes;
        // The scheme provider answers from memory; its Task completes synchronously.
        if (!names.Any() && services.GetService<IAuthenticationSchemeProvider>()?.GetDefaultAuthenticateSchemeAsync().GetAwaiter().GetResult() is { } fallback)
        {
            names = [fallback.Name];
        }

        names = names.Concat(operations.Where(o => o.Authorization.Required).SelectMany(o => o.Authorization.Schemes));
        foreach (var name in names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (SecurityScheme.Describe(services, name) is { } scheme)
            {
                var key = KeyOf(name);
                for (var i = 2; !taken.Add(key); i++)
                {
                    key = KeyOf(name) + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                _keys[name] = key;
                _schemes.Add((key, scheme));
            }
        }
    }

    public bool HasSchemes => _schemes.Count > 0;

    /// <summary>
    /// The keys of the described schemes an operation accepts, or <see langword="null"/> when no
    /// policy checks it (anonymous).
    /// </summary>
    public IReadOnlyList<string>? Of(EndpointSettings settings) =>
        settings.Authorization.Required
            ? [.. settings.Authorization.Schemes.Where(_keys.ContainsKey).Select(n => _keys[n]).Distinct(StringComparer.Ordinal)]
            : null;

    /// <summary>
    /// Writes an operation's <c>security</c>: one requirement per accepted scheme, each with
    /// <paramref name="alongside"/> (checked on top of any of them); with no scheme, <paramref name="alongside"/>
    /// alone, or an empty list (no authentication) when <paramref name="empty"/> is set.
    /// </summary>
    public static void WriteRequirements(Utf8JsonWriter writer, IReadOnlyList<string> schemes, IReadOnlyList<string> alongside, bool empty)
    {
        if (schemes.Count == 0 && alongside.Count == 0 && !empty)
        {
            return;
        }

        List<IEnumerable<string>> alternatives = schemes.Count > 0 ? [.. schemes.Select(s => alongside.Prepend(s))] : alongside.Count > 0 ? [alongside] : [];
        writer.WriteStartArray("security");
        foreach (var alternative in alternatives)
        {
            writer.WriteStartObject();
            foreach (var key in alternative)
            {
                writer.WriteStartArray(key);
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes the described schemes as properties of an open <c>securitySchemes</c> object.</summary>
    public void WriteSchemes(Utf8JsonWriter writer)
    {
        foreach (var (key, scheme) in _schemes)
        {
            scheme.Write(writer, key);
        }
    }

    /// <summary>A component key OpenAPI accepts (letters, digits, <c>.</c>, <c>-</c>, <c>_</c>).</summary>
    private static string KeyOf(string name)
    {
        var key = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            key.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        return key.Length == 0 ? "scheme" : key.ToString();
    }
}
