using Microsoft.AspNetCore.Http;

namespace Hybrid;

/// <summary>
/// The CSRF defence of the action door (and of the REST door when it accepts cookies), run before any body is read, with the rules of Go's
/// <c>http.CrossOriginProtection</c>: a browser's <c>Sec-Fetch-Site</c> of <c>same-origin</c> or
/// <c>none</c> passes, any other value passes only from a trusted origin; without that header (older
/// browsers), an <c>Origin</c> equal to the request's scheme and host, or a trusted one, passes; a
/// request with neither header is not from a browser and passes (CSRF needs a victim's browser).
/// </summary>
internal sealed class CrossSiteCheck(IEnumerable<string> trustedOrigins)
{
    private readonly HashSet<string> _trusted = new(trustedOrigins, StringComparer.OrdinalIgnoreCase);

    public bool IsCrossSite(HttpRequest request)
    {
        var origin = request.Headers.Origin;
        var hasOrigin = origin.Count > 0 && !string.IsNullOrEmpty(origin[0]);
        var site = request.Headers["Sec-Fetch-Site"];
        if (site.Count > 0)
        {
            if (string.Equals(site[0], "same-origin", StringComparison.OrdinalIgnoreCase) ||
                string.Equals(site[0], "none", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return !(hasOrigin && _trusted.Contains(origin[0]!));
        }

        if (!hasOrigin)
        {
            return false;
        }

        if (_trusted.Contains(origin[0]!))
        {
            return false;
        }

        if (!Uri.TryCreate(origin[0], UriKind.Absolute, out var uri))
        {
            return true; // "null" origins (sandboxed frames, file://) are never the app itself.
        }

        return !string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase) ||
               !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
