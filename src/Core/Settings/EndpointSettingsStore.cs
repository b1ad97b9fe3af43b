using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid;

/// <summary>
/// The store of Hybrid's endpoint settings: resolves and locks each endpoint's
/// <see cref="EndpointSettings"/> from its final metadata. The start-up
/// check resolves every endpoint of the app once, before the server listens; an endpoint (or a
/// document, or the inventory) that finds its settings unresolved, in a host that runs no startup
/// filters, resolves them the same way, and the first resolution wins.
/// </summary>
internal sealed class EndpointSettingsStore(IServiceProvider services)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(HybridOperation, string), EndpointSettings> _firstByDoor = new();
    private EndpointSettingsResolver? _resolver;

    private EndpointSettingsResolver Resolver => _resolver ??= new EndpointSettingsResolver(services);

    /// <summary>Resolves every Hybrid endpoint among <paramref name="endpoints"/>, in their order, once each.</summary>
    public IReadOnlyList<EndpointSettings> Resolve(IEnumerable<Endpoint> endpoints)
    {
        var settings = new List<EndpointSettings>();
        var seen = new HashSet<HybridEndpointMetadata>();
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<HybridEndpointMetadata>() is { } hybrid && seen.Add(hybrid))
            {
                settings.Add(Of(hybrid, endpoint.Metadata));
            }
        }

        return settings;
    }

    /// <summary>The settings of one endpoint, resolved from <paramref name="metadata"/> (its final metadata) unless already locked.</summary>
    public EndpointSettings Of(HybridEndpointMetadata endpoint, IReadOnlyList<object> metadata)
    {
        if (endpoint.Settings is { } locked)
        {
            return locked;
        }

        var settings = endpoint.Lock(Resolver.Resolve(endpoint, metadata));
        _firstByDoor.TryAdd((endpoint.Operation, endpoint.Door), settings);
        return settings;
    }

    /// <summary>
    /// The settings of the Hybrid endpoint <paramref name="context"/> was routed to, resolved from that
    /// endpoint's final metadata unless already locked; null when the request was routed to none.
    /// </summary>
    public EndpointSettings? OfRouted(HttpContext context) =>
        context.GetEndpoint()?.Metadata is { } metadata && metadata.GetMetadata<HybridEndpointMetadata>() is { } endpoint
            ? Of(endpoint, metadata)
            : null;

    /// <summary>
    /// The settings an endpoint is built from on its first request: locked by then, at start-up or from
    /// the routed endpoint (<see cref="OfRouted"/>). A delegate called without routing (a benchmark)
    /// has no endpoint metadata, and its settings are resolved from none.
    /// </summary>
    public EndpointSettings ForBuild(HybridEndpointMetadata endpoint) => Of(endpoint, []);

    /// <summary>
    /// The settings of an operation's (first) endpoint on a door, or <see langword="null"/> when that
    /// door did not map it: what a page needs to render a form for an action.
    /// </summary>
    public EndpointSettings? Find(HybridOperation operation, string door)
    {
        if (!_firstByDoor.TryGetValue((operation, door), out var settings))
        {
            Resolve(services.GetRequiredService<EndpointDataSource>().Endpoints);
            settings = _firstByDoor.GetValueOrDefault((operation, door));
        }

        return settings;
    }

    /// <summary>The settings of one endpoint of the app, resolving the app's endpoints first when they are not yet.</summary>
    public EndpointSettings Of(HybridEndpointMetadata endpoint)
    {
        if (endpoint.Settings is { } settings)
        {
            return settings;
        }

        Resolve(services.GetRequiredService<EndpointDataSource>().Endpoints);
        return endpoint.Settings ?? throw new InvalidOperationException(
            $"The endpoint '{endpoint}' is not among the app's endpoints, so its final metadata is unknown. Map the doors on the app's own route builder (app.MapHybridActions(), app.MapHybridRest(), or a group of the app).");
    }
}
