namespace Hybrid;

/// <summary>One endpoint a door mapped for an operation, with its final metadata and who may call it.</summary>
internal sealed record ExposedEndpoint(HybridEndpointMetadata Hybrid, IReadOnlyList<object> Metadata, string Policy)
{
    public bool IsUnprotected => Policy == PolicyText.None;
}
