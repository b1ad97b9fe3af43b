using System.Net;
using Hybrid.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Hybrid.Security.Tests.Faults;

/// <summary>
/// A database another writer holds locked: the handler's busy timeout runs out and SQLite says
/// "database is locked". With the app's transient rule that is a 503 <c>service_unavailable</c> with
/// <c>Retry-After</c>; without it a plain 500; never the provider's message, and never a write.
/// </summary>
public sealed class BusyDatabaseTests
{
    private static void SqliteBusyIsTransient(HybridOptions options) =>
        options.TransientFailures.Add(e => e is SqliteException { SqliteErrorCode: 5 or 6 });

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_locked_database_answers_503_with_Retry_After_and_nothing_is_stored(DoorCase door)
    {
        await using var host = await FaultHost.StartAsync(configure: SqliteBusyIsTransient);
        var marker = Guid.NewGuid().ToString("N");

        HttpResponseMessage response;
        using (host.Database.Lock())
        {
            response = await host.Client.SendAsync(host.Post(door, "LockedWrite", "locked-writes", new { marker }));
        }

        using (response)
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, ProblemCodes.ServiceUnavailable);
            response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));
            var body = await response.Content.ReadAsStringAsync();
            body.Should().NotContain("locked").And.NotContain("Sqlite").And.NotContain("Exception");
        }

        host.Database.Count(marker).Should().Be(0);
        host.Log.Entries.Should().Contain(e => e.EventId == 6 && e.Level == LogLevel.Warning);
        host.Log.Entries.Should().NotContain(e => e.Level >= LogLevel.Error);

        // The lock is gone: the retry Retry-After asks for succeeds, once.
        using var retry = await host.Client.SendAsync(host.Post(door, "LockedWrite", "locked-writes", new { marker }));
        retry.IsSuccessStatusCode.Should().BeTrue();
        host.Database.Count(marker).Should().Be(1);
    }

    [Fact]
    public async Task The_wait_is_the_apps_to_choose()
    {
        await using var host = await FaultHost.StartAsync(configure: o =>
        {
            SqliteBusyIsTransient(o);
            o.TransientRetryAfter = TimeSpan.FromSeconds(2.5);
        });

        using (host.Database.Lock())
        {
            using var response = await host.Client.SendAsync(host.Post(DoorCases.Rest, "LockedWrite", "locked-writes", new { marker = "m" }));
            response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(3));
        }
    }

    [Fact]
    public async Task Without_a_transient_rule_it_is_a_500_that_tells_a_trace_id_only()
    {
        await using var host = await FaultHost.StartAsync();
        var marker = Guid.NewGuid().ToString("N");

        using (host.Database.Lock())
        {
            using var response = await host.Client.SendAsync(host.Post(DoorCases.Rest, "LockedWrite", "locked-writes", new { marker }));
            await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError, ProblemCodes.InternalError);
            (await response.Content.ReadAsStringAsync()).Should().NotContain("locked").And.NotContain("Sqlite");
        }

        host.Database.Count(marker).Should().Be(0);
    }

    [Fact]
    public async Task A_retry_after_outside_one_second_to_one_hour_stops_the_app()
    {
        var starting = async () => await FaultHost.StartAsync(configure: o => o.TransientRetryAfter = TimeSpan.Zero);

        (await starting.Should().ThrowAsync<Exception>()).Which.ToString().Should().Contain("HYB072");
    }
}
