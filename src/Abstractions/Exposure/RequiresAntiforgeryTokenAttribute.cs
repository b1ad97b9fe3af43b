namespace Hybrid;

/// <summary>
/// Makes an action require an antiforgery token on top of the origin check, when
/// <c>options.Actions().RequireAntiforgeryTokens</c> leaves tokens off for the rest. Put it on
/// the request type or its handler, or add it with <c>op.Action().RequireAntiforgeryToken()</c>.
/// The last antiforgery statement in an endpoint's metadata wins, so ASP.NET Core's
/// <c>DisableAntiforgery()</c> after it turns the token off again.
/// </summary>
/// <remarks>
/// Hybrid's own type rather than ASP.NET Core's <c>RequireAntiforgeryTokenAttribute</c>: an endpoint
/// carrying that one makes ASP.NET Core demand <c>UseAntiforgery()</c> in the pipeline, and the
/// action door validates tokens itself, for JSON as well as forms.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class RequiresAntiforgeryTokenAttribute : Attribute
{
}
