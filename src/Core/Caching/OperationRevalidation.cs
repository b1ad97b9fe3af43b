using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hybrid;

/// <summary>
/// What one operation makes stale, run once per request after its handler succeeded, on either
/// door: the declared targets filled from the request and the result, plus what the handler added
/// through <see cref="IRevalidation"/>. Evicts output-cache entries by tag (a path <c>/p</c> is the
/// tag <c>path:/p</c> every cached read carries), HybridCache entries by tag, and names both in the
/// <c>Hybrid-Revalidated</c> header. A cache store that fails is logged and counted; the mutation's
/// answer still goes out.
/// </summary>
internal sealed class OperationRevalidation
{
    /// <summary>The response header that names what went stale.</summary>
    public const string HeaderName = "Hybrid-Revalidated";

    private readonly StaleTemplate[] _templates;
    private readonly bool _handlerAdds;
    private readonly string _operation;

    private OperationRevalidation(StaleTemplate[] templates, bool handlerAdds, string operation)
    {
        _templates = templates;
        _handlerAdds = handlerAdds;
        _operation = operation;
    }

    /// <summary>
    /// The revalidation of <paramref name="targets"/>, or <see langword="null"/> when there are none
    /// and the handler cannot add any (<paramref name="handlerAdds"/>: its constructor takes <see cref="IRevalidation"/>).
    /// </summary>
    public static OperationRevalidation? For(HybridOperation operation, IReadOnlyList<string> targets, bool handlerAdds) =>
        targets.Count == 0 && !handlerAdds
            ? null
            : new OperationRevalidation([.. targets.Select(t => StaleTemplate.Parse(t, operation.RequestType, operation.ResponseType, out _))], handlerAdds, operation.RequestType.Name);

    /// <summary>The same rule for a path as for a read's tag: a cached answer of <paramref name="path"/> carries it.</summary>
    public static string PathTag(string path) => "path:" + path;

    public async ValueTask RunAsync(HttpContext context, object request, object? result, ILogger logger, HybridMetrics metrics)
    {
        var tags = new List<string>();
        var paths = new List<string>();
        foreach (var template in _templates)
        {
            (template.IsPath ? paths : tags).Add(template.Resolve(request, result));
        }

        if (_handlerAdds && context.RequestServices.GetService<IRevalidation>() is Revalidation added)
        {
            tags.AddRange(added.Tags);
            paths.AddRange(added.Paths);
        }

        if (tags.Count == 0 && paths.Count == 0)
        {
            return;
        }

        tags = [.. tags.Distinct(StringComparer.Ordinal)];
        paths = [.. paths.Distinct(StringComparer.Ordinal)];
        // An in-process call may come after a page began its answer; the header is then left out, the evictions are not.
        if (!context.Response.HasStarted)
        {
            context.Response.Headers[HeaderName] = Header(tags, paths);
        }

        Activity.Current?.SetTag("hybrid.revalidated", string.Join(' ', tags.Concat(paths)));

        var evict = tags.Concat(paths.Select(PathTag)).ToList();
        if (context.RequestServices.GetService<IOutputCacheStore>() is { } store)
        {
            foreach (var tag in evict)
            {
                try
                {
                    await store.EvictByTagAsync(tag, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Failed(logger, metrics, e, "output cache", tag);
                }
            }
        }

        if (context.RequestServices.GetService<HybridCache>() is { } hybridCache && tags.Count > 0)
        {
            try
            {
                await hybridCache.RemoveByTagAsync(tags, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(logger, metrics, e, "HybridCache", string.Join(' ', tags));
            }
        }
    }

    /// <summary>An RFC 8941 dictionary of two inner lists of strings: <c>tags=("post:1" "posts"), paths=("/posts/1")</c>.</summary>
    private static string Header(List<string> tags, List<string> paths)
    {
        var text = new StringBuilder();
        Append(text, "tags", tags);
        text.Append(", ");
        Append(text, "paths", paths);
        return text.ToString();
    }

    private static void Append(StringBuilder text, string key, List<string> values)
    {
        text.Append(key).Append("=(");
        for (var i = 0; i < values.Count; i++)
        {
            text.Append(i == 0 ? "\"" : " \"");
            foreach (var c in values[i])
            {
                // sf-string: printable ASCII; quotes and backslashes escaped; anything else percent-encoded.
                if (c is '"' or '\\')
                {
                    text.Append('\\').Append(c);
                }
                else if (c is < ' ' or > '~')
                {
                    text.Append(Uri.EscapeDataString(c.ToString()));
                }
                else
                {
                    text.Append(c);
                }
            }

            text.Append('"');
        }

        text.Append(')');
    }

    private void Failed(ILogger logger, HybridMetrics metrics, Exception exception, string store, string tags)
    {
        Log.RevalidationFailed(logger, exception, _operation, store, tags);
        metrics.RevalidationFailures.Add(1, new KeyValuePair<string, object?>(HybridTelemetry.OperationTag, _operation));
    }
}
