using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Hybrid;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace Blog.Account;

/// <summary>Signs a user in to the web pages with a cookie.</summary>
[Action]
[AllowAnonymous]
[ProducesProblem(401, "invalid_credentials", Description = "The user name or the password is wrong.")]
public sealed class SignIn : IRequest
{
    /// <summary>The user name.</summary>
    [Required]
    [StringLength(100)]
    public string UserName { get; set; } = string.Empty;

    /// <summary>The user's password.</summary>
    [Required]
    [StringLength(200)]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;
}

public sealed class SignInHandler(BlogUsers users, IHttpContextAccessor http) : IRequestHandler<SignIn>
{
    public async Task Handle(SignIn request, CancellationToken cancellationToken)
    {
        // One answer for an unknown name and a wrong password, so the form does not reveal who has an account.
        var user = users.Verify(request.UserName.Trim(), request.Password)
            ?? throw new UnauthorizedException("The user name or the password is wrong.", "invalid_credentials");

        var claims = new List<Claim> { new(ClaimTypes.Name, user.Name) };
        claims.AddRange(user.Roles.Select(role => new Claim(ClaimTypes.Role, role)));

        var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme);
        await http.HttpContext!.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }
}
