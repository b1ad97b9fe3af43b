using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hybrid.Testing;

/// <summary>
/// A real ASP.NET Core authentication handler: a request with <see cref="UserHeader"/> is signed in
/// as that user with the roles in <see cref="RolesHeader"/>; without it the caller is anonymous.
/// Challenge and forbid are the base class's: a bare 401 and 403.
/// </summary>
public sealed class HeaderAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestHeader";

    public const string UserHeader = "X-Test-User";

    public const string RolesHeader = "X-Test-Roles";

    /// <summary>When the credential expires, in Unix seconds: carried as the <c>exp</c> claim a bearer token would have.</summary>
    public const string ExpiresHeader = "X-Test-Expires";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var user = Request.Headers[UserHeader].ToString();
        if (user.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user), new(ClaimTypes.Name, user) };
        if (Request.Headers[ExpiresHeader].ToString() is { Length: > 0 } expires)
        {
            claims.Add(new Claim("exp", expires));
        }

        foreach (var role in Request.Headers[RolesHeader].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            claims.Add(new Claim(ClaimTypes.Role, role));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    public static void Register(IServiceCollection services)
    {
        services.AddAuthentication(SchemeName).AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(SchemeName, _ => { });
        services.AddAuthorization();
    }
}
