namespace Hybrid;

/// <summary>One operation of the inventory and, for each mapped door in column order, the endpoints that door mapped for it.</summary>
internal sealed record ExposureRow(HybridOperation Operation, IReadOnlyList<IReadOnlyList<ExposedEndpoint>> ByDoor);
