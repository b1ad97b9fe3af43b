namespace Hybrid;

/// <summary>The REST door's view of the catalog, once the door is mapped.</summary>
public static class HybridRestCatalogExtensions
{
    extension(OperationCatalog catalog)
    {
        /// <summary>The API versions that have at least one REST route, ascending.</summary>
        public IReadOnlyList<int> Versions => [.. catalog.Operations.SelectMany(Http.RestDoor.RoutesOf).Select(r => r.Version).Distinct().Order()];
    }
}
