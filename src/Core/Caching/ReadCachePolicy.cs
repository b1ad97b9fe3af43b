using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace Hybrid;

/// <summary>
/// The output-cache policy of a cached read (a REST GET with <see cref="ReadCacheAttribute"/>, or a
/// page given <see cref="HybridOutputCache.Read"/>): GET and HEAD only; never for an authenticated
/// caller (an <c>Authorization</c> header or a signed-in user), so one user's answer is never served
/// to another, nor for a page carrying a failed form's sealed state; varies by every query value (the path already keys route values); tagged with its
/// tag templates filled from the route and query values, and with <c>path:{path}</c>; stored only for
/// a 200 that sets no cookie and whose <c>Cache-Control</c> allows it (antiforgery sends <c>no-store</c>
/// with a page that holds tokens).
/// </summary>
internal sealed class ReadCachePolicy(TimeSpan duration, IReadOnlyList<string> tags) : IOutputCachePolicy
{
    private readonly StaleTemplate[] _tags = [.. tags.Select(t => StaleTemplate.Parse(t, typeof(object), null, out _))];

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) &&
            StringValues.IsNullOrEmpty(request.Headers.Authorization) &&
            http.User.Identity?.IsAuthenticated != true &&
            !request.Cookies.ContainsKey(FormStateCookieName.Value);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = duration;
        context.CacheVaryByRules.QueryKeys = "*";
        if (cacheable)
        {
            foreach (var tag in _tags)
            {
                context.Tags.Add(tag.Resolve(name => ValueOf(http, name)));
            }

            context.Tags.Add(OperationRevalidation.PathTag(request.Path.Value ?? "/"));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        // A page that rendered antiforgery tokens (which sends no-store) or another user's data (private) is never stored.
        var cacheControl = response.Headers.CacheControl.ToString();
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie) ||
            cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase) || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A placeholder's value: the route value of that name, else the query value (either case of the first letter).</summary>
    private static string? ValueOf(HttpContext context, string name)
    {
        foreach (var (key, value) in context.Request.RouteValues)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return context.Request.Query.TryGetValue(name, out var query) ? query.ToString() : null;
    }
}
