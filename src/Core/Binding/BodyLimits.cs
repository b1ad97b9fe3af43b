using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Hybrid;

/// <summary>
/// The one body-limit mechanism of every door: the server is told the endpoint's limit when it can
/// be, else what is read is counted (<see cref="LimitedBody"/>); either way reading past the limit
/// throws a 413 <see cref="BadHttpRequestException"/>, which the doors answer as
/// <c>payload_too_large</c>. A body a guard must see whole (a webhook's signature, an idempotency
/// fingerprint, a raw request) is buffered through the same limit.
/// </summary>
internal static class BodyLimits
{
    /// <summary>Applies <paramref name="limit"/>; false when the declared length is already over it.</summary>
    public static bool Apply(HttpContext context, long? limit)
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }
        else if (limit is { } max && context.Request.Body is not LimitedBody)
        {
            context.Request.Body = new LimitedBody(context.Request.Body, max);
        }

        return limit is not { } most || context.Request.ContentLength is not { } length || length <= most;
    }

    /// <summary>
    /// Reads the whole body under <paramref name="limit"/> and makes the copy the request's body, so
    /// every later reader sees the same bytes; null when it is over the limit.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="limit">The largest body read, or null for no limit.</param>
    /// <param name="cancellationToken">The request's token.</param>
    public static async Task<ReadOnlyMemory<byte>?> BufferAsync(HttpContext context, long? limit, CancellationToken cancellationToken)
    {
        if (!Apply(context, limit))
        {
            return null;
        }

        var request = context.Request;
        using var copy = new MemoryStream(request.ContentLength is { } length and < 1024 * 1024 ? (int)length : 0);
        try
        {
            await request.Body.CopyToAsync(copy, 16 * 1024, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        var bytes = copy.ToArray();
        request.Body = new MemoryStream(bytes, writable: false);
        return bytes;
    }
}
