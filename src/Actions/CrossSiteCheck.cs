using Microsoft.AspNetCore.Http;

namespace Hybrid.Actions;

/// <summary>
/// Refuses actions posted from another site before any body is read: browsers send
/// <c>Sec-Fetch-Site</c> and <c>Origin</c> on every cross-origin POST, and the action door is for
/// the app's own pages only.
/// </summary>
internal static class CrossSiteCheck
{
    public static bool IsCrossSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"];
        if (site.Count > 0)
        {
            return !(string.Equals(site[0], "same-origin", StringComparison.OrdinalIgnoreCase) ||
                     string.Equals(site[0], "none", StringComparison.OrdinalIgnoreCase));
        }

        var origin = request.Headers.Origin;
        if (origin.Count == 0 || string.IsNullOrEmpty(origin[0]))
        {
            return false; // Not a browser, or a same-origin GET-like navigation: antiforgery still applies.
        }

        if (!Uri.TryCreate(origin[0], UriKind.Absolute, out var uri))
        {
            return true; // "null" origins (sandboxed frames, file://) are never the app itself.
        }

        var host = request.Host;
        return !string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase) ||
               !string.Equals(uri.Authority, host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
