namespace Hybrid.Actions;

/// <summary>Whether an action checks an antiforgery token: the app's default, then its metadata in order, the last statement winning.</summary>
internal static class ActionAntiforgery
{
    public const string MissingServices =
        "Antiforgery tokens are required (HybridOptions.RequireAntiforgeryTokens, [RequiresAntiforgeryToken] or RequireAntiforgeryToken()) " +
        "but ASP.NET Core's antiforgery services are not registered. Fix: call services.AddAntiforgery(o => o.HeaderName = HybridAntiforgery.HeaderName), " +
        "or leave tokens off and rely on the origin check.";

    public static bool Requires(bool appDefault, IEnumerable<object> metadata) => AntiforgeryRequirement.Requires(appDefault, metadata);
}
