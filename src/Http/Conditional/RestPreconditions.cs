using Microsoft.Net.Http.Headers;

namespace Hybrid.Http;

/// <summary>
/// A REST write's <c>If-Match</c>: when the route's resource has a GET that declares a
/// <see cref="ResourceVersionAttribute"/> member, the resource's current version is read before the
/// write, and an <c>If-Match</c> that does not name it is 412, so a client never overwrites a change it
/// has not seen.
/// A route without such a read, or a request without the header, asks nothing.
/// </summary>
internal sealed class RestPreconditions : IRequestFilter
{
    private readonly Lazy<IResourceVersionReader> _versionReader;

    private RestPreconditions(Lazy<IResourceVersionReader> versionReader) => _versionReader = versionReader;

    public PipelineStage Stage => PipelineStage.Preconditions;

    /// <summary>The route's <c>If-Match</c> check, or null when its resource has no versioned read to judge it by.</summary>
    public static RestPreconditions? For(RestRoute route, OperationCatalog catalog, IServiceProvider services) =>
        ResourceVersions.ReaderFor(catalog, route) is { } reader
            // Made on the first conditional write: the read operation's binders cost nothing until then.
            ? new RestPreconditions(new Lazy<IResourceVersionReader>(() => (IResourceVersionReader)Activator.CreateInstance(
                typeof(ResourceVersionReader<,>).MakeGenericType(reader.Operation.RequestType, reader.Operation.ResponseType),
                reader.Operation, reader.Route, route, catalog, services)!))
            : null;

    /// <summary>
    /// Refuses the write before its handler runs (412, or what the read itself answered, such as 403),
    /// or lets it through.
    /// </summary>
    public async ValueTask<FilterDecision> OnRequestAsync(HybridFilterContext context)
    {
        // An empty If-Match asks nothing: generated clients send one for an omitted optional header.
        if (!context.HttpContext.Request.Headers.TryGetValue(HeaderNames.IfMatch, out var ifMatch) || ifMatch.All(string.IsNullOrWhiteSpace))
        {
            return FilterDecision.Continue;
        }

        var (tag, problem) = await _versionReader.Value.ReadAsync(context.HttpContext, context.Cancellation).ConfigureAwait(false);
        if (problem is not null)
        {
            return FilterDecision.Refuse(problem);
        }

        if (!EntityTags.MatchFails(ifMatch, tag))
        {
            return FilterDecision.Continue;
        }

        return FilterDecision.Refuse(tag is null
            ? OperationProblem.Create(412, ProblemCodes.PreconditionFailed, "If-Match names a version, and the resource does not exist.")
            : OperationProblem.Create(412, ProblemCodes.PreconditionFailed, "The resource changed since it was read: If-Match does not name its current version. Read it again, then retry.", HeaderNames.ETag, tag));
    }
}
