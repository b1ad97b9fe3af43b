using Hybrid;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace Blog.Account;

/// <summary>Signs the user out of the web pages (removes the sign-in cookie).</summary>
[Action]
[AllowAnonymous]
public sealed class SignOut : IRequest;

public sealed class SignOutHandler(IHttpContextAccessor http) : IRequestHandler<SignOut>
{
    public async Task Handle(SignOut request, CancellationToken cancellationToken)
    {
        await http.HttpContext!.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
