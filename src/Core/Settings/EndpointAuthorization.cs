namespace Hybrid;

/// <summary>
/// Who may call one endpoint, resolved once from its final metadata the way ASP.NET Core's
/// authorization middleware combines it.
/// </summary>
/// <param name="Required">Whether the authorization middleware checks the endpoint: authorize data, a policy, requirement data or the app's fallback policy, and no <c>[AllowAnonymous]</c>.</param>
/// <param name="Anonymous">Whether the endpoint states <c>[AllowAnonymous]</c>.</param>
/// <param name="Policy">The policy in the exposure inventory's words (<c>anonymous</c>, <c>NONE</c>, <c>roles: moderator; schemes: Bearer</c>...).</param>
/// <param name="Schemes">The authentication schemes its policy accepts: those it names, else the door's, else the app's default.</param>
/// <param name="TakesCookies">Whether any of those schemes is a cookie scheme, which makes the endpoint a CSRF target.</param>
internal sealed record EndpointAuthorization(bool Required, bool Anonymous, string Policy, IReadOnlyList<string> Schemes, bool TakesCookies)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"required={Required}; anonymous={Anonymous}; policy={Policy}; schemes={string.Join(",", Schemes)}; cookies={TakesCookies}";
}
