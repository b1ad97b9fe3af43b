namespace Hybrid.Actions;

/// <summary>The action door's traits, made from its options: what its endpoints' settings are resolved against.</summary>
internal static class ActionDoor
{
    public static DoorTraits Traits(ActionDoorOptions options) => new()
    {
        Name = HybridDoors.Action,
        DefaultBodyLimit = options.MaxBodySize,
        AuthenticationSchemes = [.. options.AuthenticationSchemes],
        ChecksAntiforgeryTokens = true,
        TokensByDefault = options.RequireAntiforgeryTokens,
        AlwaysChecksOrigin = true,
    };
}
