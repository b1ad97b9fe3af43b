using System.Net;
using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hybrid.Security.Tests.Faults;

/// <summary>
/// A request timeout, declared per operation through the settings model (an attribute on the request
/// type, a convention on one door, a named policy, the app's default policy), is applied by ASP.NET
/// Core's RequestTimeouts middleware: past it the handler is cancelled, its transaction rolls back,
/// and the client gets a 504 <c>request_timeout</c> problem. The documents list that answer.
/// </summary>
public sealed class TimeoutTests
{
    private static Task<FaultHost> StartAsync(Action<RequestTimeoutOptions>? timeouts = null, Action<HybridEndpointConventionBuilder, HybridEndpointConventionBuilder>? doors = null) =>
        FaultHost.StartAsync(
            services: s => s.AddRequestTimeouts(o => timeouts?.Invoke(o)),
            pipeline: app => app.UseRequestTimeouts(),
            doors: doors);

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_handler_past_its_timeout_is_cancelled_and_answered_504_with_nothing_stored(DoorCase door)
    {
        await using var host = await StartAsync();
        var marker = Guid.NewGuid().ToString("N");

        using var response = await host.Client.SendAsync(host.Post(door, "TimedWrite", "timed-writes", new { marker, holdMilliseconds = 20_000 }));

        await response.ShouldBeProblemAsync(HttpStatusCode.GatewayTimeout, ProblemCodes.RequestTimeout);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("Exception").And.NotContain(" at ");
        await host.Probe.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
        host.Database.Count(marker).Should().Be(0);
        host.Log.Entries.Should().NotContain(e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_handler_within_its_timeout_answers_as_usual()
    {
        await using var host = await StartAsync();
        var marker = Guid.NewGuid().ToString("N");

        using var response = await host.Client.SendAsync(host.Post(DoorCases.Rest, "TimedWrite", "timed-writes", new { marker, holdMilliseconds = 10 }));

        response.IsSuccessStatusCode.Should().BeTrue();
        host.Database.Count(marker).Should().Be(1);
    }

    [Fact]
    public async Task A_convention_on_one_door_times_out_that_door_only()
    {
        await using var host = await StartAsync(doors: (actions, rest) => rest.ForOperation<PlainTimedWrite>().WithRequestTimeout(TimeSpan.FromMilliseconds(300)));
        var timedOut = Guid.NewGuid().ToString("N");
        var finished = Guid.NewGuid().ToString("N");

        using var rest = await host.Client.SendAsync(host.Post(DoorCases.Rest, "PlainTimedWrite", "plain-timed-writes", new { marker = timedOut, holdMilliseconds = 20_000 }));
        using var action = await host.Client.SendAsync(host.Post(DoorCases.Action, "PlainTimedWrite", "plain-timed-writes", new { marker = finished, holdMilliseconds = 800 }));

        await rest.ShouldBeProblemAsync(HttpStatusCode.GatewayTimeout, ProblemCodes.RequestTimeout);
        action.IsSuccessStatusCode.Should().BeTrue();
        host.Database.Count(timedOut).Should().Be(0);
        host.Database.Count(finished).Should().Be(1);
    }

    [Fact]
    public async Task A_named_policy_gives_its_own_status()
    {
        await using var host = await StartAsync(
            timeouts: o => o.AddPolicy("quick", new RequestTimeoutPolicy { Timeout = TimeSpan.FromMilliseconds(300), TimeoutStatusCode = 503 }),
            doors: (actions, rest) => actions.ForOperation<PlainTimedWrite>().WithRequestTimeout("quick"));
        var marker = Guid.NewGuid().ToString("N");

        using var response = await host.Client.SendAsync(host.Post(DoorCases.Action, "PlainTimedWrite", "plain-timed-writes", new { marker, holdMilliseconds = 20_000 }));

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, ProblemCodes.RequestTimeout);
        host.Database.Count(marker).Should().Be(0);
    }

    [Fact]
    public async Task The_default_policy_reaches_every_operation_and_an_opt_out_wins()
    {
        await using var host = await StartAsync(
            timeouts: o => o.DefaultPolicy = new RequestTimeoutPolicy { Timeout = TimeSpan.FromMilliseconds(300) },
            doors: (actions, rest) => rest.ForOperation<SlowWrite>().DisableRequestTimeout());
        var cut = Guid.NewGuid().ToString("N");
        var kept = Guid.NewGuid().ToString("N");

        using var action = await host.Client.SendAsync(host.Post(DoorCases.Action, "SlowWrite", "slow-writes", new { marker = cut, holdMilliseconds = 20_000 }));
        using var rest = await host.Client.SendAsync(host.Post(DoorCases.Rest, "SlowWrite", "slow-writes", new { marker = kept, holdMilliseconds = 800 }));

        await action.ShouldBeProblemAsync(HttpStatusCode.GatewayTimeout, ProblemCodes.RequestTimeout);
        rest.IsSuccessStatusCode.Should().BeTrue();
        host.Database.Count(kept).Should().Be(1);
    }

    [Fact]
    public async Task Settings_and_both_documents_state_each_endpoints_timeout()
    {
        await using var host = await StartAsync(doors: (actions, rest) => rest.ForOperation<PlainTimedWrite>().WithRequestTimeout(TimeSpan.FromSeconds(2)));
        var settings = host.Host.Services.GetRequiredService<EndpointSettingsStore>().Resolve(host.Host.Endpoints)
            .ToDictionary(s => s.Door.Name + " " + s.Operation.RequestType.Name, s => s.Timeout?.ToString() ?? "no");

        settings.Should().Contain("action TimedWrite", "0.3s").And.Contain("rest TimedWrite", "0.3s")
            .And.Contain("rest PlainTimedWrite", "2s").And.Contain("action PlainTimedWrite", "no").And.Contain("rest SlowWrite", "no");

        var v1 = await host.Client.GetStringAsync("/openapi/v1.json");
        var actionsDocument = await host.Client.GetStringAsync("/openapi/actions.json");
        Responses(v1, "/api/v1/timed-writes").Should().Contain(["500", "503", "504"]);
        Responses(v1, "/api/v1/plain-timed-writes").Should().Contain("504");
        Responses(v1, "/api/v1/slow-writes").Should().Contain("503").And.NotContain("504");
        Responses(actionsDocument, "/_actions/TimedWrite").Should().Contain("504");
        Responses(actionsDocument, "/_actions/PlainTimedWrite").Should().NotContain("504");
    }

    [Fact]
    public async Task Without_the_middleware_a_declared_timeout_is_reported_at_the_first_request()
    {
        await using var host = await FaultHost.StartAsync();
        var marker = Guid.NewGuid().ToString("N");

        using var response = await host.Client.SendAsync(host.Post(DoorCases.Rest, "TimedWrite", "timed-writes", new { marker, holdMilliseconds = 10 }));

        response.IsSuccessStatusCode.Should().BeTrue();
        host.Log.Entries.Should().ContainSingle(e => e.EventId == 77 && e.Level == LogLevel.Warning)
            .Which.Message.Should().Contain("HYB077").And.Contain("TimedWrite").And.Contain("app.UseRequestTimeouts()");
    }

    [Fact]
    public async Task A_timeout_without_the_services_or_with_an_unknown_policy_stops_the_app()
    {
        var missing = async () => await FaultHost.StartAsync(timeoutServices: false);
        (await missing.Should().ThrowAsync<HybridConfigurationException>()).Which.Message.Should().Contain("HYB074").And.Contain("TimedWrite").And.Contain("AddRequestTimeouts");

        var unknown = async () => await StartAsync(doors: (actions, rest) => rest.ForOperation<PlainTimedWrite>().WithRequestTimeout("nowhere"));
        (await unknown.Should().ThrowAsync<HybridConfigurationException>()).Which.Message.Should().Contain("HYB073").And.Contain("'nowhere'");
    }

    private static List<string> Responses(string document, string path)
    {
        using var json = System.Text.Json.JsonDocument.Parse(document);
        return [.. json.RootElement.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("responses").EnumerateObject().Select(p => p.Name)];
    }
}
