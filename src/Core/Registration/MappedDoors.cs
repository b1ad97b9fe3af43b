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
