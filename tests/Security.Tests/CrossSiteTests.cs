using System.Net;
using Hybrid.Testing;

namespace Hybrid.Security.Tests;

/// <summary>
/// A browser request from another site, however its Origin and Sec-Fetch-Site are spelled, and
/// whatever forwarding headers it adds, is refused before the (valid) body is read.
/// </summary>
public sealed class CrossSiteTests(SecurityHost host) : IClassFixture<SecurityHost>
{
    private const string Valid = """{"title":"forged"}""";

    /// <summary>Sec-Fetch-Site ("" when absent), Origin ("" when absent), extra headers as "Name: value|Name: value".</summary>
    public static TheoryData<string, string, string> Forged => new()
    {
        { "", "null", "" },
        { "cross-site", "null", "" },
        { "cross-site", "", "Cookie: session=victim" },
        { "same-site", "", "Cookie: session=victim" },
        { "cross-site", SecurityHost.SameOrigin, "" },
        { "same-site", SecurityHost.SameOrigin, "" },
        { "same-site", "http://sub.localhost", "" },
        { "Cross-Site", "", "" },
        { "CROSS-SITE", "https://evil.example", "" },
        { "bogus", SecurityHost.SameOrigin, "" },
        { "same-origin-please", "", "" },
        { "", "https://evil.example", "" },
        { "", "http://evil.example", "Cookie: session=victim" },
        { "", "http://localhost:8080", "" },
        { "", "http://localhost:80x", "" },
        { "", "https://localhost", "" },
        { "", "http://LOCALHOST:81", "" },
        { "", "http://localhost.evil.example", "" },
        { "", "http://evil.example/localhost", "" },
        { "", "http://", "" },
        { "", "http://[::1", "" },
        { "", "://localhost", "" },
        { "", "localhost", "" },
        { "", "http:/localhost", "" },
        { "", "http://local host", "" },
        { "", "javascript:alert(1)", "" },
        { "", "file://", "" },
        { "", "%68ttp://localhost", "" },
        { "", "https://evil.example", "X-Forwarded-Host: evil.example|X-Forwarded-Proto: https" },
        { "", "https://localhost", "X-Forwarded-Proto: https" },
        { "", "http://localhost:8080", "X-Forwarded-Host: localhost:8080" },
        { "", "https://evil.example", "Forwarded: host=evil.example;proto=https" },
        { "", "https://evil.example", "X-Original-Host: evil.example|X-Forwarded-Server: evil.example" },
        { "cross-site", "https://evil.example", "X-Forwarded-Host: evil.example|X-Forwarded-Proto: https|X-Forwarded-For: 127.0.0.1" },
        { "cross-site", "https://evil.example", "Hybrid-Internal: 1|Hybrid-Trusted: true|Hybrid-Origin: same-origin" },
        { "cross-site", "https://evil.example", "X-Middleware-Subrequest: middleware|X-Requested-With: XMLHttpRequest" },
    };

    [Theory]
    [MemberData(nameof(Forged))]
    public async Task A_cross_site_request_is_403_and_never_reaches_the_handler(string site, string origin, string headers)
    {
        var request = SecurityHost.Action("CreateNote", DoorCase.JsonContent(Valid));
        if (site.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", site);
        }

        if (origin.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }

        foreach (var header in headers.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            request.Headers.TryAddWithoutValidation(header[..colon], header[(colon + 1)..].Trim());
        }

        await host.ShouldRefuseAsync(request, HttpStatusCode.Forbidden, ProblemCodes.CrossSiteRequest);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("*/*")]
    public async Task A_cross_site_plain_form_is_a_403_problem_not_a_redirect(string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/_actions/CreateNote")
        {
            Content = new FormUrlEncodedContent([new("title", "forged"), new("__returnUrl", "/done")]),
        };
        request.Headers.Accept.ParseAdd(accept);
        request.Headers.TryAddWithoutValidation("Origin", "https://evil.example");
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "cross-site");

        await host.ShouldRefuseAsync(request, HttpStatusCode.Forbidden, ProblemCodes.CrossSiteRequest);
    }
}
