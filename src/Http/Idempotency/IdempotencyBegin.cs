namespace Hybrid.Http.Idempotency;

/// <summary>The answer of <see cref="IIdempotencyStore.BeginAsync"/>: the state, and the stored response when completed.</summary>
internal readonly record struct IdempotencyBegin(IdempotencyState State, StoredResponse? Response = null);
