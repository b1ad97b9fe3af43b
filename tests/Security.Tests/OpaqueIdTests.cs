using System.Net;
using System.Security.Cryptography;
using System.Text;
using Hybrid.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Security.Tests;

/// <summary>
/// With opaque ids the readable id is not mapped, and ids guessed without the key (a plain hash of
/// the name, an HMAC under another key, a near miss of the real id) reach no handler.
/// </summary>
public sealed class OpaqueIdTests : IAsyncLifetime
{
    private const string Key = "c2VjdXJpdHktdGVzdHMta2V5LTMyLWJ5dGVzLWxvbmch";

    private TestHost? _host;

    public async Task InitializeAsync() =>
        _host = await TestHost.StartAsync(
            [typeof(CreateNote).Assembly],
            o =>
            {
                SecurityHost.Expose(o);
                o.Actions().OpaqueIds = true;
                o.Actions().IdKey = Key;
            },
            s => s.AddSingleton<Ledger>(),
            app => app.MapHybridActions());

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    public static TheoryData<string> Guesses()
    {
        var sha = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes("CreateNote")))[..22];
        var shaPrefixed = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes("hybrid-action-id:CreateNote")))[..22];
        var otherKey = WebEncoders.Base64UrlEncode(HMACSHA256.HashData(new byte[32], Encoding.UTF8.GetBytes("hybrid-action-id:CreateNote")))[..22];
        return new TheoryData<string> { "CreateNote", "createnote", sha, shaPrefixed, otherKey, new string('A', 22), "AAAAAAAAAAAAAAAAAAAAA%2F" };
    }

    [Theory]
    [MemberData(nameof(Guesses))]
    public async Task A_guessed_or_readable_id_is_404(string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_actions/" + id) { Content = DoorCase.JsonContent("""{"title":"guessed"}""") };
        using var response = await _host!.Client.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.NotFound, text);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        text.Should().Contain("\"code\":\"unknown_action\"");
        SecurityHost.ShouldLeakNothing(text);
        var ledger = _host.Services.GetRequiredService<Ledger>();
        ledger.Runs.Should().Be(0);
        ledger.Stored.Should().BeEmpty();
    }

    [Fact]
    public async Task A_near_miss_of_the_real_id_is_404()
    {
        var real = _host!.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? string.Empty)
            .Single(p => p.StartsWith("/_actions/", StringComparison.Ordinal) && !p.Contains('{', StringComparison.Ordinal))["/_actions/".Length..];
        var nearMiss = real[..^1] + (real[^1] == 'A' ? 'B' : 'A');

        using var request = new HttpRequestMessage(HttpMethod.Post, "/_actions/" + nearMiss) { Content = DoorCase.JsonContent("""{"title":"guessed"}""") };
        using var response = await _host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        _host.Services.GetRequiredService<Ledger>().Runs.Should().Be(0);
    }
}
