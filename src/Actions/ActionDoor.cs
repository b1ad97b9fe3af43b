namespace Hybrid.Actions;

/// <summary>The action door's traits, made from its options: what its endpoints' settings are resolved against.</summary>
internal static class ActionDoor
{
    public static DoorTraits Traits(HybridOptions options) => new()
    {
        Name = HybridDoors.Action,
        DefaultBodyLimit = options.MaxActionBodySize,
        AuthenticationSchemes = [.. options.ActionAuthenticationSchemes],
        ChecksAntiforgeryTokens = true,
        TokensByDefault = options.RequireAntiforgeryTokens,
        AlwaysChecksOrigin = true,
        AnswersPlainForms = true,
    };
}
