using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Hybrid;

/// <summary>
/// Serves one document, built from the catalog on its first request and then kept only as bytes
/// with a strong ETag: what building needed (the walk over the types, the writer's buffer) is released,
/// and a client holding the current version gets 304 without a body. A document with a reader check
/// (<paramref name="allows"/>) answers 404 to a caller it refuses, and is marked private so no shared
/// cache hands it to another caller.
/// </summary>
internal sealed class DocumentEndpoint(Func<DocumentBytes> build, Func<HttpContext, Task<bool>>? allows = null)
{
    private readonly Lazy<Served> _served = new(() => Served.From(build()), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The document's bytes, built on first use: what the endpoint serves and the build-time export writes.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Bytes => _served.Value.Segments;

    public async Task HandleAsync(HttpContext context)
    {
        if (allows is not null && !await allows(context).ConfigureAwait(false))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await ServeAsync(context, allows is null ? "no-cache" : "private, no-cache").ConfigureAwait(false);
    }

    private Task ServeAsync(HttpContext context, string cacheControl)
    {
        var served = _served.Value;
        var response = context.Response;
        response.Headers.ETag = served.ETag;
        response.Headers.CacheControl = cacheControl;
        if (context.Request.Headers.IfNoneMatch.ToString() is { Length: > 0 } ifNoneMatch &&
            EntityTagHeaderValue.TryParseList([ifNoneMatch], out var tags) &&
            tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(served.Tag, useStrongComparison: true)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = served.Length;
        return WriteAsync(response, served.Segments, context.RequestAborted);
    }

    private static async Task WriteAsync(HttpResponse response, IReadOnlyList<ReadOnlyMemory<byte>> segments, CancellationToken cancellationToken)
    {
        foreach (var segment in segments)
        {
            await response.Body.WriteAsync(segment, cancellationToken);
        }
    }

    private sealed record Served(IReadOnlyList<ReadOnlyMemory<byte>> Segments, long Length, EntityTagHeaderValue Tag, string ETag)
    {
        public static Served From(DocumentBytes bytes)
        {
            var tag = new EntityTagHeaderValue("\"" + bytes.Hash() + "\"");
            return new Served([.. bytes.Segments], bytes.Length, tag, tag.ToString());
        }
    }
}
