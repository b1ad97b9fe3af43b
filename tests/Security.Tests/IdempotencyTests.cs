using System.Net;
using System.Text.Json;
using Hybrid.Testing;

namespace Hybrid.Security.Tests;

/// <summary>
/// An Idempotency-Key is the caller's: another caller reusing it never gets the first caller's
/// stored response, and a malformed key is refused before the handler.
/// </summary>
public sealed class IdempotencyTests
{
    private const string Order = """{"item":"lamp","quantity":2}""";

    [Theory]
    [InlineData("bob")]
    [InlineData("ALICE")]
    [InlineData(null)]
    public async Task Another_caller_reusing_a_key_never_gets_the_first_callers_response(string? other)
    {
        var host = new SecurityHost();
        await host.InitializeAsync();
        try
        {
            using var alice = await host.Client.SendAsync(Post("shared-key", "alice"));
            using var second = await host.Client.SendAsync(Post("shared-key", other));

            alice.StatusCode.Should().Be(HttpStatusCode.Created);
            second.StatusCode.Should().Be(HttpStatusCode.Created);
            second.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
            var body = await second.Content.ReadAsStringAsync();
            using var order = JsonDocument.Parse(body);
            order.RootElement.GetProperty("owner").ValueKind.Should().Be(other is null ? JsonValueKind.Null : JsonValueKind.String);
            if (other is not null)
            {
                order.RootElement.GetProperty("owner").GetString().Should().Be(other);
            }

            body.Should().NotBe(await alice.Content.ReadAsStringAsync());
            host.Ledger.Runs.Should().Be(2);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("caf\u00e9")]
    [InlineData("ключ")]
    [InlineData("key\u0001")]
    [InlineData("k")]
    public async Task A_malformed_key_is_refused_before_the_handler(string key)
    {
        var host = new SecurityHost();
        await host.InitializeAsync();
        try
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = DoorCase.JsonContent(Order) };
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key == "k" ? new string('k', 256) : key);
            await host.ShouldRefuseAsync(request, HttpStatusCode.BadRequest, ProblemCodes.IdempotencyKeyMissing);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_key_sent_twice_is_refused_before_the_handler()
    {
        var host = new SecurityHost();
        await host.InitializeAsync();
        try
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = DoorCase.JsonContent(Order) };
            request.Headers.TryAddWithoutValidation("Idempotency-Key", ["one", "two"]);
            await host.ShouldRefuseAsync(request, HttpStatusCode.BadRequest, ProblemCodes.IdempotencyKeyMissing);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static HttpRequestMessage Post(string key, string? user)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = DoorCase.JsonContent(Order) };
        request.Headers.Add("Idempotency-Key", key);
        if (user is not null)
        {
            request.Headers.TryAddWithoutValidation(SecurityHost.UserHeader, user);
        }

        return request;
    }
}
