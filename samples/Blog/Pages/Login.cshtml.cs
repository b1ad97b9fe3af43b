using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Pages;

/// <summary>The sign-in page the cookie scheme sends signed-out users to, with where to go back in <c>ReturnUrl</c>.</summary>
public sealed class LoginModel : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ReturnUrl")]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
        // Only a local URL: a link to /login?ReturnUrl=https://evil.example must not send a signed-in user away.
        if (!Url.IsLocalUrl(ReturnUrl))
        {
            ReturnUrl = "/";
        }
    }
}
