namespace Hybrid.Http;

/// <summary>The REST door's traits, made from its options: what its endpoints' settings are resolved against.</summary>
internal static class RestDoor
{
    public static DoorTraits Traits(RestDoorOptions options) => new()
    {
        Name = HybridDoors.Rest,
        DefaultBodyLimit = options.MaxBodySize,
        AuthenticationSchemes = [.. options.AuthenticationSchemes],
        VerifiesWebhooks = true,
        ReplaysIdempotentRequests = true,
        CachesReads = true,
    };
}
