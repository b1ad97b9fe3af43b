using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Hybrid.Http;

/// <summary>
/// The request body read once into memory, kept as a request feature: what a webhook signature and
/// an idempotency fingerprint are computed over, what <see cref="HybridRawRequest"/> carries, and
/// (as the request's new body) what the JSON members are bound from, so all see the same bytes.
/// </summary>
internal sealed class BufferedBody
{
    private BufferedBody(byte[] bytes) => Bytes = bytes;

    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>Reads the whole body, or returns null when it is larger than <paramref name="limit"/>.</summary>
    public static async Task<BufferedBody?> ReadAsync(HttpContext context, long? limit)
    {
        var request = context.Request;
        if (limit is { } max && request.ContentLength > max)
        {
            return null;
        }

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        using var copy = new MemoryStream(request.ContentLength is { } length and < 1024 * 1024 ? (int)length : 0);
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (limit is { } most && copy.Length + read > most)
                {
                    return null;
                }

                copy.Write(buffer, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        var bytes = copy.ToArray();
        var body = new BufferedBody(bytes);
        request.Body = new MemoryStream(bytes, writable: false);
        context.Features.Set(body);
        return body;
    }
}
