namespace Hybrid.Http;

/// <summary>
/// The request body a REST guard read whole (<see cref="BodyLimits.BufferAsync"/>), kept as a request
/// feature: what a webhook signature and an idempotency fingerprint were computed over and what
/// <see cref="HybridRawRequest"/> carries, the same bytes the members are bound from.
/// </summary>
internal sealed class BufferedBody(ReadOnlyMemory<byte> bytes)
{
    public ReadOnlyMemory<byte> Bytes { get; } = bytes;
}
