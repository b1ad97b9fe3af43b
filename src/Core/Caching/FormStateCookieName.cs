namespace Hybrid;

/// <summary>
/// The name of the action door's sealed form-state cookie, known to Core too: a page read that
/// carries it renders one user's errors and typed values, so it is never served from or stored in a cache.
/// </summary>
internal static class FormStateCookieName
{
    public const string Value = ".Hybrid.Form";
}
