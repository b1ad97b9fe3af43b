namespace Hybrid;

/// <summary>The form a <see cref="HybridOptions.TrustedOrigins"/> entry must have: what a browser sends in <c>Origin</c>.</summary>
internal static class TrustedOrigin
{
    public static bool IsValid(string? origin) =>
        origin is not null &&
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) &&
        uri.UserInfo.Length == 0 &&
        string.Equals(origin.TrimEnd('/'), origin, StringComparison.Ordinal) &&
        string.Equals(uri.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase);
}
