using System.Net;

namespace Hybrid.Security.Tests;

/// <summary>
/// A plain form that succeeds goes to its __returnUrl only when it is local, else back to its
/// same-origin Referer: never off-site, however the URL is disguised, and never where a client-sent
/// header points.
/// </summary>
public sealed class OpenRedirectTests(SecurityHost host) : IClassFixture<SecurityHost>
{
    [Theory]
    [InlineData("//evil.example")]
    [InlineData("///evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("\\/evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("HTTPS://evil.example/")]
    [InlineData("http:evil.example")]
    [InlineData("/%09/evil.example")]
    [InlineData("/%2F/evil.example")]
    [InlineData("/%5C/evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\r\n/evil.example")]
    [InlineData(" //evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("http://localhost@evil.example")]
    [InlineData("//localhost@evil.example")]
    public async Task A_succeeding_plain_form_never_redirects_off_site(string returnUrl)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_actions/CreateNote")
        {
            Content = new FormUrlEncodedContent([new("title", "redirected"), new("__returnUrl", returnUrl)]),
        };
        request.Headers.Accept.ParseAdd("text/html");
        request.Headers.TryAddWithoutValidation("Hybrid-Redirect", "https://evil.example");
        request.Headers.Referrer = new Uri("http://localhost/notes/new");
        var runs = host.Ledger.Runs;

        using var response = await host.Client.SendAsync(request);

        SecurityHost.ShouldLeakNothing(await response.Content.ReadAsStringAsync());
        ((int)response.StatusCode).Should().BeLessThan(500);
        host.Ledger.Runs.Should().Be(runs + 1, "a well-formed same-site form runs once: only where it goes is hostile");
        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        ShouldStayOnSite(response.Headers.Location);
        if (response.Headers.TryGetValues("Hybrid-Redirect", out var redirect))
        {
            ShouldStayOnSite(new Uri(redirect.Single(), UriKind.RelativeOrAbsolute));
        }
    }

    /// <summary>Where a browser would go from http://localhost/ with this Location: the same host, or nowhere.</summary>
    private static void ShouldStayOnSite(Uri? location)
    {
        if (location is null)
        {
            return;
        }

        var text = location.OriginalString;
        text.Should().StartWith("/");
        text.Should().NotStartWith("//").And.NotStartWith("/\\");
        text.Should().NotContainAny("\t", "\r", "\n");
        var resolved = new Uri(new Uri("http://localhost/"), text);
        resolved.Host.Should().Be("localhost");
        resolved.Scheme.Should().Be("http");
    }
}
