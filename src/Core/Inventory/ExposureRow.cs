namespace Hybrid;

/// <summary>One operation of the inventory and the endpoints its doors mapped for it (none on a door the app did not map).</summary>
internal sealed record ExposureRow(HybridOperation Operation, IReadOnlyList<ExposedEndpoint> Action, IReadOnlyList<ExposedEndpoint> Rest);
