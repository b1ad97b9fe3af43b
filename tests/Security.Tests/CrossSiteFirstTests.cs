using System.Net;
using System.Text;
using Hybrid.Testing;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Security.Tests;

/// <summary>
/// On a REST door that takes cookies, the origin check is the first refusal of a write: a cross-site
/// POST to an idempotent route is refused before its body is buffered (an oversized body is still a
/// 403, not a 413) and before its <c>Idempotency-Key</c> is claimed (the key then serves a same-site
/// request as new).
/// </summary>
public sealed class CrossSiteFirstTests : IAsyncLifetime
{
    private const string Order = """{"item":"lamp","quantity":2}""";

    private TestHost _host = null!;

    private Ledger Ledger => _host.Services.GetRequiredService<Ledger>();

    public async Task InitializeAsync() =>
        _host = await TestHost.StartAsync(
            [typeof(PlaceOrder).Assembly],
            options =>
            {
                SecurityHost.Expose(options);
                options.Rest().AuthenticationSchemes.Add(CookieAuthenticationDefaults.AuthenticationScheme);
            },
            services =>
            {
                services.AddSingleton<Ledger>();
                services.AddHttpContextAccessor();
                services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
                services.AddAuthorization();
            },
            app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                app.MapHybridActions();
                app.MapHybridRest();
            });

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task An_oversized_cross_site_write_is_refused_as_cross_site_before_its_body_is_read()
    {
        var huge = "{\"item\":\"" + new string('x', 1_500_000) + "\",\"quantity\":1}";

        using var response = await _host.Client.SendAsync(Post(huge, "cross-site", "huge-key"));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"code\":\"cross_site_request\"");
        Ledger.Runs.Should().Be(0);
    }

    [Fact]
    public async Task A_cross_site_write_claims_no_idempotency_key()
    {
        using var forged = await _host.Client.SendAsync(Post("""{"item":"forged","quantity":9}""", "cross-site", "order-key"));
        using var own = await _host.Client.SendAsync(Post(Order, "same-origin", "order-key"));

        forged.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        own.StatusCode.Should().Be(HttpStatusCode.Created, await own.Content.ReadAsStringAsync());
        own.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
        (await own.Content.ReadAsStringAsync()).Should().Contain("\"item\":\"lamp\"");
        Ledger.Runs.Should().Be(1);
    }

    private static HttpRequestMessage Post(string json, string fetchSite, string key)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        message.Headers.Add("Sec-Fetch-Site", fetchSite);
        message.Headers.Add("Idempotency-Key", key);
        return message;
    }
}
