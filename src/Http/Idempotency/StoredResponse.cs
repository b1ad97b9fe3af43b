namespace Hybrid.Http.Idempotency;

/// <summary>A response kept for replay: its status, the headers that describe it, and its body.</summary>
internal sealed record StoredResponse(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body);
