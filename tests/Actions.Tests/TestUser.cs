using Hybrid.Testing;

namespace Hybrid.Actions.Tests;

/// <summary>Who the test signs in as, through <see cref="HeaderAuthenticationHandler"/>.</summary>
public sealed record TestUser(string Name, params string[] Roles)
{
    public void Apply(HttpRequestMessage request)
    {
        request.Headers.Add(HeaderAuthenticationHandler.UserHeader, Name);
        if (Roles.Length > 0)
        {
            request.Headers.Add(HeaderAuthenticationHandler.RolesHeader, string.Join(",", Roles));
        }
    }
}
