using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Hybrid;

/// <summary>Whether a request carries a body, the same answer on both doors and every HTTP version.</summary>
internal static class BodyDetection
{
    /// <summary>
    /// Without Content-Length the server knows: HTTP/2 and HTTP/3 have no Transfer-Encoding, so a
    /// streamed body shows only in <see cref="IHttpRequestBodyDetectionFeature"/>.
    /// </summary>
    public static bool HasBody(HttpRequest request) =>
        request.ContentLength is { } length
            ? length > 0
            : request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? request.Headers.TransferEncoding.Count > 0;
}
