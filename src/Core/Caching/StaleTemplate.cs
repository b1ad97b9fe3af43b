using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Hybrid;

/// <summary>
/// One tag or path template (<c>post:{postId}</c>, <c>comment:{result.id}</c>, <c>/posts/{postId}</c>),
/// parsed once: literal parts and placeholders bound to request or result properties.
/// </summary>
internal sealed partial class StaleTemplate
{
    private readonly List<(string? Literal, string? Name, PropertyInfo? Property, bool FromResult)> _parts = [];

    private StaleTemplate(string text) => Text = text;

    public string Text { get; }

    public bool IsPath => Text.StartsWith('/');

    /// <summary>Every placeholder's name, for start-up checks.</summary>
    public static IEnumerable<string> Placeholders(string template) => Placeholder().Matches(template).Select(m => m.Groups[1].Value);

    /// <summary>Parses a template; names no property → the unknown placeholder is returned in <paramref name="unknown"/>.</summary>
    public static StaleTemplate Parse(string template, Type requestType, Type? resultType, out string? unknown)
    {
        unknown = null;
        var parsed = new StaleTemplate(template);
        var at = 0;
        foreach (Match match in Placeholder().Matches(template))
        {
            if (match.Index > at)
            {
                parsed._parts.Add((template[at..match.Index], null, null, false));
            }

            var name = match.Groups[1].Value;
            var fromResult = name.StartsWith("result.", StringComparison.OrdinalIgnoreCase);
            var member = fromResult ? name["result.".Length..] : name;
            var property = Find(fromResult ? resultType : requestType, member);
            if (property is null)
            {
                unknown ??= name;
            }

            parsed._parts.Add((null, name, property, fromResult));
            at = match.Index + match.Length;
        }

        if (at < template.Length)
        {
            parsed._parts.Add((template[at..], null, null, false));
        }

        return parsed;
    }

    /// <summary>The template with its placeholders filled; a path's values are URL-escaped.</summary>
    public string Resolve(object request, object? result)
    {
        var text = new StringBuilder();
        foreach (var (literal, _, property, fromResult) in _parts)
        {
            if (literal is not null)
            {
                text.Append(literal);
                continue;
            }

            var source = fromResult ? result : request;
            var value = source is null ? null : property!.GetValue(source);
            var formatted = value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? string.Empty;
            text.Append(IsPath ? Uri.EscapeDataString(formatted) : formatted);
        }

        return text.ToString();
    }

    /// <summary>The template filled from route and query values by placeholder name (for reads, before any handler runs).</summary>
    public string Resolve(Func<string, string?> valueOf)
    {
        var text = new StringBuilder();
        foreach (var (literal, name, _, _) in _parts)
        {
            text.Append(literal ?? valueOf(name!));
        }

        return text.ToString();
    }

    private static PropertyInfo? Find(Type? type, string name) =>
        type?.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.GetIndexParameters().Length == 0);

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_.]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
