using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Hybrid.Actions;

/// <summary>
/// What the doors know about a browser's plain HTML form post (no JavaScript): its media type,
/// whether a script asked for JSON instead, and the page it came from.
/// </summary>
internal static class PlainForm
{
    /// <summary>
    /// On a script's successful form post (it asked for JSON), where the plain post's 303 would have
    /// gone: the enhancement script follows it, or stays when it is the page itself.
    /// </summary>
    public const string RedirectHeader = "Hybrid-Redirect";

    /// <summary>
    /// As <see cref="HttpRequest.HasFormContentType"/>, from the header alone: that property reads the
    /// form feature, which throws once the app's UseAntiforgery() judged the token invalid.
    /// </summary>
    public static bool HasFormContentType(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) &&
        (type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) ||
         type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the caller asked for JSON (a script posting a form), so it gets problems, not redirects.</summary>
    public static bool AcceptsJson(HttpRequest request)
    {
        foreach (var value in request.Headers.Accept)
        {
            if (value is not null && value.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A form a browser posted without JavaScript: a form media type, and no request for JSON.</summary>
    public static bool IsPlain(HttpRequest request) => HasFormContentType(request) && !AcceptsJson(request);

    /// <summary>The path and query of a same-origin <c>Referer</c>, else <see langword="null"/>: never another host.</summary>
    public static string? SameOriginReferer(HttpRequest request) =>
        Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer) &&
        string.Equals(referer.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(referer.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            ? referer.PathAndQuery
            : null;

    /// <summary>
    /// As ASP.NET Core's <c>IsLocalUrl</c>: a path, not <c>//host</c> or <c>/\host</c>, and no control
    /// characters, which browsers strip (<c>/\t/evil.example</c> would become <c>//evil.example</c>).
    /// </summary>
    public static bool IsLocal(string url) =>
        url.Length > 0 && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\' && !url.Any(char.IsControl)));
}
