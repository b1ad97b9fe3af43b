using Microsoft.AspNetCore.Antiforgery;

namespace Hybrid;

/// <summary>
/// The one rule for whether an action checks an antiforgery token, shared by the action door and the
/// exposure inventory: the app's default, then the endpoint's metadata in order, the last statement winning.
/// </summary>
internal static class AntiforgeryRequirement
{
    public static bool Requires(bool appDefault, IEnumerable<object> metadata)
    {
        var requires = appDefault;
        foreach (var item in metadata)
        {
            if (item is RequiresAntiforgeryTokenAttribute)
            {
                requires = true;
            }
            else if (item is IAntiforgeryMetadata antiforgery)
            {
                requires = antiforgery.RequiresValidation;
            }
        }

        return requires;
    }
}
