namespace Hybrid;

/// <summary>What the REST door made of an operation, read once the door is mapped.</summary>
public static class HybridRestOperationExtensions
{
    extension(HybridOperation operation)
    {
        /// <summary>The REST routes, every version of each; empty when the operation is not on the REST door (or the door is not mapped).</summary>
        public IReadOnlyList<RestRoute> Routes => Http.RestDoor.RoutesOf(operation);
    }
}
