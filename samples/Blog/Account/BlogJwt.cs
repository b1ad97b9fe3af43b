using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Blog.Account;

/// <summary>
/// The development JWTs the <c>issue-token</c> command signs and the REST door accepts, both from
/// <c>Blog:Jwt</c> (<c>SigningKey</c>: base64 of at least 32 bytes, <c>Issuer</c>, <c>Audience</c>).
/// </summary>
public sealed class BlogJwt
{
    /// <summary>How long an issued token is valid.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly SymmetricSecurityKey _key;
    private readonly string _issuer;
    private readonly string _audience;

    private BlogJwt(SymmetricSecurityKey key, string issuer, string audience)
    {
        _key = key;
        _issuer = issuer;
        _audience = audience;
    }

    /// <summary>The settings, or <see langword="null"/> when no signing key is configured (then no token is accepted).</summary>
    public static BlogJwt? From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Blog:Jwt");
        if (string.IsNullOrEmpty(section["SigningKey"]))
        {
            return null;
        }

        var key = Convert.FromBase64String(section["SigningKey"]!);
        if (key.Length < 32)
        {
            throw new InvalidOperationException("Blog:Jwt:SigningKey must be base64 of at least 32 bytes (openssl rand -base64 32).");
        }

        return new BlogJwt(
            new SymmetricSecurityKey(key),
            section["Issuer"] ?? throw new InvalidOperationException("Blog:Jwt:Issuer is not set."),
            section["Audience"] ?? throw new InvalidOperationException("Blog:Jwt:Audience is not set."));
    }

    /// <summary>What AddJwtBearer checks: this issuer, audience and key, HS256 only, with <c>name</c> and <c>role</c> (one claim per role) as the user's claims.</summary>
    public TokenValidationParameters ValidationParameters => new()
    {
        ValidIssuer = _issuer,
        ValidAudience = _audience,
        IssuerSigningKey = _key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = JwtRegisteredClaimNames.Name,
        RoleClaimType = "role",
    };

    /// <summary>A token for the user, valid for <see cref="Lifetime"/> from <paramref name="now"/>.</summary>
    public string Issue(BlogUser user, DateTimeOffset now)
    {
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Sub, user.Name), new(JwtRegisteredClaimNames.Name, user.Name) };
        claims.AddRange(user.Roles.Select(role => new Claim("role", role)));

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = _issuer,
            Audience = _audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }
}
