using System.Globalization;

namespace Hybrid.Http;

/// <summary>
/// The REST door as Core sees it: its name, its reading of the catalog (each operation's declared
/// routes, checked by <see cref="RestRouteCheck"/>), its inventory column, and its traits, made from
/// its options, that its endpoints' settings are resolved against.
/// </summary>
internal sealed class RestDoor : HybridDoor
{
    public static readonly RestDoor Instance = new();

    private RestDoor()
    {
    }

    public override string Name => HybridDoors.Rest;

    public override string ExposureTitle => "REST routes";

    public static DoorTraits Traits(RestDoorOptions options) => new()
    {
        Name = HybridDoors.Rest,
        DefaultBodyLimit = options.MaxBodySize,
        AuthenticationSchemes = [.. options.AuthenticationSchemes],
        VerifiesWebhooks = true,
        ReplaysIdempotentRequests = true,
        CachesReads = true,
    };

    /// <summary>The operation's checked routes, once the door was mapped; else none.</summary>
    public static IReadOnlyList<RestRoute> RoutesOf(HybridOperation operation) =>
        operation.ExposureOn(HybridDoors.Rest) as IReadOnlyList<RestRoute> ?? [];

    public override object? BeginReading() => new RestCatalogState();

    public override object? Expose(HybridOperation operation, RequestShape shape, object? reading, List<HybridConfigurationError> errors)
    {
        var routes = new RestRouteCheck(operation, shape, errors).Run((RestCatalogState)reading!);
        return routes.Count > 0 ? routes : null;
    }

    public override string Describe(object exposure) =>
        string.Join("<br>", ((IReadOnlyList<RestRoute>)exposure).Order(RouteOrder.Instance).Select(RouteText));

    public override IEnumerable<HybridEndpointMetadata> Order(IEnumerable<HybridEndpointMetadata> endpoints) =>
        endpoints.OrderBy(e => (RestRoute)e.Exposure, RouteOrder.Instance);

    /// <summary>A route as the inventory names it: <c>`DELETE v1/posts/{postId}`</c>, then its deprecation, if any.</summary>
    private static string RouteText(RestRoute route)
    {
        var text = "`" + ExposureInventory.Cell($"{route.Method} {route.DocumentName}/{route.Template}") + "`";
        if (route.Deprecation is { } deprecation)
        {
            text += deprecation.Sunset is { } sunset
                ? " (deprecated, sunset " + sunset.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ")"
                : " (deprecated)";
        }

        return text;
    }
}
