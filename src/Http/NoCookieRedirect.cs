using Microsoft.AspNetCore.Http.Metadata;

namespace Hybrid.Http;

/// <summary>
/// Tells a cookie scheme to answer 401/403 on this endpoint instead of redirecting to its login
/// page: REST callers are programs, and the problem body says what to do.
/// </summary>
internal sealed class NoCookieRedirect : IDisableCookieRedirectMetadata
{
    public static readonly NoCookieRedirect Instance = new();
}
