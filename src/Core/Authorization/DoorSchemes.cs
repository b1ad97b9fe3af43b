using Microsoft.AspNetCore.Authorization;

namespace Hybrid;

/// <summary>
/// Makes a door's authentication schemes part of a protected operation's policy on that door: an
/// <see cref="AuthorizeAttribute"/> naming only those schemes is added to the endpoint's metadata, so
/// ASP.NET Core's policy evaluator authenticates with them alone and a credential meant for the other
/// door (a browser cookie on the REST door, a bearer token on an action) is not seen.
/// </summary>
internal static class DoorSchemes
{
    /// <summary>Adds the door's schemes to <paramref name="metadata"/> when the endpoint requires authorization and names no scheme itself.</summary>
    public static void Apply(IList<object> metadata, DoorTraits door)
    {
        if (Of(metadata, door) is { } schemes)
        {
            metadata.Add(new AuthorizeAttribute { AuthenticationSchemes = schemes });
        }
    }

    /// <summary>The schemes the door adds for these metadata, or <see langword="null"/> when it adds none.</summary>
    public static string? Of(IList<object> metadata, DoorTraits door)
    {
        var requires = false;
        foreach (var item in metadata)
        {
            if (item is IAllowAnonymous)
            {
                return null;
            }

            if (item is IAuthorizeData data)
            {
                if (!string.IsNullOrWhiteSpace(data.AuthenticationSchemes))
                {
                    return null;
                }

                requires = true;
            }
        }

        if (!requires)
        {
            return null;
        }

        var declared = metadata.OfType<DoorAuthenticationAttribute>().LastOrDefault()?.For(door.Name);
        var schemes = declared ?? string.Join(",", door.AuthenticationSchemes);
        return string.IsNullOrWhiteSpace(schemes) ? null : schemes;
    }
}
