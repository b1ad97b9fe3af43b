using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Hybrid.Actions;

/// <summary>
/// A form's return URL with placeholders, <c>/posts/{id}</c>: each names a member of the handler's
/// result, else of the request (C# name, any case), so a form that creates something can land on
/// it. Values are escaped as one path segment and the filled URL must still be local, so no value
/// can turn it into another host. The members are looked up once per operation; the URL itself comes
/// from the posted form, so it is parsed per request (a URL without braces costs one search).
/// </summary>
internal sealed partial class ReturnUrlTemplate
{
    // One entry per operation whose form used a template: bounded by the catalog, whatever URLs are posted.
    private static readonly ConcurrentDictionary<(Type Request, Type Response), ReturnUrlTemplate> Cache = new();

    private readonly Dictionary<string, PropertyInfo> _result;
    private readonly Dictionary<string, PropertyInfo> _request;

    private ReturnUrlTemplate(Type requestType, Type responseType)
    {
        _result = Members(responseType);
        _request = Members(requestType);
    }

    /// <summary>The members of one operation's request and result.</summary>
    public static ReturnUrlTemplate For(Type requestType, Type responseType) =>
        Cache.GetOrAdd((requestType, responseType), key => new ReturnUrlTemplate(key.Request, key.Response));

    /// <summary>True when <paramref name="url"/> has placeholders to fill.</summary>
    public static bool IsTemplate(string url) => url.Contains('{', StringComparison.Ordinal);

    /// <summary>The first placeholder of <paramref name="template"/> that names no member, or null: for the form tag helper's check at render time.</summary>
    public string? UnknownPlaceholder(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value).FirstOrDefault(name => !_result.ContainsKey(name) && !_request.ContainsKey(name));

    /// <summary>
    /// <paramref name="template"/> filled from <paramref name="result"/> and <paramref name="request"/>;
    /// false when a placeholder names no member or its value is null, or the URL is not local once filled.
    /// </summary>
    public bool TryFill(string template, object request, object? result, [NotNullWhen(true)] out string? url)
    {
        url = null;
        var text = new StringBuilder(template.Length + 16);
        var at = 0;
        foreach (Match match in Placeholder().Matches(template))
        {
            var name = match.Groups[1].Value;
            var value = result is not null && _result.TryGetValue(name, out var fromResult) ? fromResult.GetValue(result)
                : _request.TryGetValue(name, out var fromRequest) ? fromRequest.GetValue(request)
                : null;
            if (value is null)
            {
                return false;
            }

            text.Append(template, at, match.Index - at);
            text.Append(Uri.EscapeDataString(value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value.ToString() ?? string.Empty));
            at = match.Index + match.Length;
        }

        text.Append(template, at, template.Length - at);
        var filled = text.ToString();
        if (filled.Contains('{', StringComparison.Ordinal) || !PlainForm.IsLocal(filled))
        {
            return false;
        }

        url = filled;
        return true;
    }

    private static Dictionary<string, PropertyInfo> Members(Type type)
    {
        var members = new Dictionary<string, PropertyInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.GetMethod is not null)
            {
                members.TryAdd(property.Name, property);
            }
        }

        return members;
    }

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
