using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Hybrid;

/// <summary>
/// Serves one document, built from the catalog on its first request and then kept only as bytes
/// with a strong ETag: what building needed (the walk over the types, the writer's buffer) is released,
/// and a client holding the current version gets 304 without a body.
/// </summary>
internal sealed class DocumentEndpoint(Func<byte[]> build)
{
    private readonly Lazy<Served> _served = new(() => Served.From(build()), LazyThreadSafetyMode.ExecutionAndPublication);

    public Task HandleAsync(HttpContext context)
    {
        var served = _served.Value;
        var response = context.Response;
        response.Headers.ETag = served.ETag;
        response.Headers.CacheControl = "no-cache";
        if (context.Request.Headers.IfNoneMatch.ToString() is { Length: > 0 } ifNoneMatch &&
            EntityTagHeaderValue.TryParseList([ifNoneMatch], out var tags) &&
            tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(served.Tag, useStrongComparison: true)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = served.Bytes.Length;
        return response.Body.WriteAsync(served.Bytes, context.RequestAborted).AsTask();
    }

    private sealed record Served(byte[] Bytes, EntityTagHeaderValue Tag, string ETag)
    {
        public static Served From(byte[] bytes)
        {
            var tag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16)) + "\"");
            return new Served(bytes, tag, tag.ToString());
        }
    }
}
