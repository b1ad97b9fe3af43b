namespace Hybrid;

/// <summary>
/// What one door is, as far as the settings model needs to know: its name, its defaults, and the
/// capabilities the resolver asks about (origin checks, antiforgery tokens, webhook signatures,
/// idempotent replays, cached reads), which any door may have or leave off. Each door makes its own
/// from its options when it is mapped, so Core holds no door's values and a new door is a new set of
/// traits, not an edit of Core.
/// </summary>
internal sealed class DoorTraits
{
    /// <summary>The door's name, as in telemetry and <see cref="HybridEndpointMetadata.Door"/>.</summary>
    public required string Name { get; init; }

    /// <summary>The largest body an endpoint reads when its metadata sets no limit.</summary>
    public required long DefaultBodyLimit { get; init; }

    /// <summary>The schemes a protected endpoint authenticates with when its policy names none; empty for the app's default.</summary>
    public required IReadOnlyList<string> AuthenticationSchemes { get; init; }

    /// <summary>Whether the door can check antiforgery tokens, and whether it does unless an endpoint opts out.</summary>
    public bool ChecksAntiforgeryTokens { get; init; }

    /// <summary>The app's default for <see cref="ChecksAntiforgeryTokens"/>: tokens on every endpoint unless it opts out.</summary>
    public bool TokensByDefault { get; init; }

    /// <summary>Whether every request is checked for a cross-site origin (the action door); otherwise only writes whose policy takes cookies are.</summary>
    public bool AlwaysChecksOrigin { get; init; }

    /// <summary>Whether the door verifies Standard Webhooks signatures (on POST).</summary>
    public bool VerifiesWebhooks { get; init; }

    /// <summary>Whether the door stores and replays responses under an <c>Idempotency-Key</c> (on POST and PATCH).</summary>
    public bool ReplaysIdempotentRequests { get; init; }

    /// <summary>Whether the door serves its GETs from the output cache when they declare a read cache.</summary>
    public bool CachesReads { get; init; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
