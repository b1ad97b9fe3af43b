using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hybrid;

/// <summary>
/// What the doors mapped: the route builders they were mapped on and the documents they serve. It
/// lets a reader that runs before the app's pipeline is built (the build-time export of documents
/// and clients) see the same endpoints and documents the running app would, without a server.
/// </summary>
internal sealed class MappedDoors
{
    private readonly List<IEndpointRouteBuilder> _routes = [];
    private readonly List<MappedDocument> _documents = [];
    private readonly List<Func<IServiceProvider, IEnumerable<HybridConfigurationError>>> _checks = [];
    private readonly Lock _lock = new();

    /// <summary>The documents the doors serve, in the order they were mapped.</summary>
    public IReadOnlyList<MappedDocument> Documents
    {
        get
        {
            lock (_lock)
            {
                return [.. _documents];
            }
        }
    }

    public void AddRoutes(IEndpointRouteBuilder routes)
    {
        lock (_lock)
        {
            if (!_routes.Contains(routes))
            {
                _routes.Add(routes);
            }
        }
    }

    /// <summary>
    /// A door's own start-up check (e.g. the actions door's look at the app's Razor views), run by
    /// <see cref="HybridStartupCheck"/> with the others so its problems land in the same one report.
    /// </summary>
    public void AddCheck(Func<IServiceProvider, IEnumerable<HybridConfigurationError>> check)
    {
        lock (_lock)
        {
            if (!_checks.Contains(check))
            {
                _checks.Add(check);
            }
        }
    }

    /// <summary>The problems the doors' own checks find.</summary>
    public IEnumerable<HybridConfigurationError> RunChecks(IServiceProvider services)
    {
        Func<IServiceProvider, IEnumerable<HybridConfigurationError>>[] checks;
        lock (_lock)
        {
            checks = [.. _checks];
        }

        return checks.SelectMany(check => check(services));
    }

    public void AddDocument(MappedDocument document)
    {
        lock (_lock)
        {
            _documents.Add(document);
        }
    }

    /// <summary>Every endpoint of the route builders the doors were mapped on, conventions applied.</summary>
    public IReadOnlyList<Endpoint> Endpoints()
    {
        lock (_lock)
        {
            return [.. _routes.SelectMany(r => r.DataSources).Distinct().SelectMany(d => d.Endpoints)];
        }
    }
}
