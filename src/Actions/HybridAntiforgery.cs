using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Actions;

/// <summary>
/// Issues the antiforgery tokens the action door checks, following the SPA convention: an
/// HttpOnly antiforgery cookie, plus a JavaScript-readable <c>XSRF-TOKEN</c> cookie whose value the
/// client echoes in the header ASP.NET Core's <c>AntiforgeryOptions.HeaderName</c> names. Hybrid
/// never changes that setting; an app that follows the convention sets it to <see cref="HeaderName"/>.
/// </summary>
public static class HybridAntiforgery
{
    /// <summary>The name of the JavaScript-readable cookie holding the request token.</summary>
    public const string CookieName = "XSRF-TOKEN";

    /// <summary>
    /// The header of the SPA convention (<c>X-XSRF-TOKEN</c>): configure it with
    /// <c>services.AddAntiforgery(o =&gt; o.HeaderName = HybridAntiforgery.HeaderName)</c>.
    /// </summary>
    public const string HeaderName = "X-XSRF-TOKEN";

    /// <summary>The name of the form field that carries the token in plain HTML forms.</summary>
    public const string FormFieldName = "__RequestVerificationToken";

    /// <summary>
    /// Issues fresh tokens for this response: sets both cookies and returns the token set, whose
    /// <see cref="AntiforgeryTokenSet.RequestToken"/> a server-rendered form puts in
    /// <see cref="FormFieldName"/>. Call it while rendering a page that posts actions.
    /// </summary>
    /// <param name="context">The current request.</param>
    /// <returns>The token set.</returns>
    public static AntiforgeryTokenSet IssueXsrfToken(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        context.Response.Cookies.Append(CookieName, tokens.RequestToken ?? string.Empty, new CookieOptions
        {
            HttpOnly = false,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            IsEssential = true,
        });
        return tokens;
    }
}
