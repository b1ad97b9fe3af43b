using System.Net;
using Hybrid.Http.Idempotency;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Http.Tests;

/// <summary>A store that fails (a cache that is down) is a 500 that tells the trace id only, and the handler does not run.</summary>
public sealed class IdempotencyStoreFailureTests
{
    [Fact]
    public async Task A_failing_store_is_500_internal_error_without_the_exception_and_nothing_runs()
    {
        await using var host = await RestHost.StartGuardedAsync(services: s => s.AddSingleton<IIdempotencyStore, BrokenStore>());

        using var response = await host.Client.SendAsync(IdempotencyTests.Post("/api/v1/orders", """{"item":"lamp","quantity":2}""", "key-x"));
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        text.Should().Contain(ProblemCodes.InternalError).And.NotContain("cache is down");
        host.Calls().Runs.Should().BeEmpty();
        host.Calls().Stored.Should().BeEmpty();
    }

    private sealed class BrokenStore : IIdempotencyStore
    {
        public ValueTask<IdempotencyBegin> BeginAsync(string key, byte[] fingerprint, TimeSpan expiry, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The cache is down.");

        public ValueTask CompleteAsync(string key, byte[] fingerprint, StoredResponse response, TimeSpan expiry, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The cache is down.");

        public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The cache is down.");
    }
}
