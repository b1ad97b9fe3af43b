using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Hybrid.Testing;

namespace Hybrid.Contract.Tests;

/// <summary>
/// Guards are stages of the door's template: what they answer (a replay, a webhook refusal, a body
/// over the limit) is recorded in the door's duration histogram like every other answer, with the
/// guard and its outcome.
/// </summary>
public sealed class GuardTelemetryTests
{
    [Fact]
    public async Task A_replay_a_refused_webhook_and_a_body_over_the_limit_are_recorded_with_their_guard()
    {
        await using var host = await SettingsHost.StartAsync(Declared.ForOperation, environment: "Production", configure: o => o.Expose<TallyHook>(op => op.Post("hooks/tally")));
        using var tallies = new DurationRecorder(host.Services, nameof(Tally));
        using var hooks = new DurationRecorder(host.Services, nameof(TallyHook));

        using (await host.Client.SendAsync(SettingsHost.Post("/api/v1/tallies/a", """{"count":1}""", "key-1")))
        using (var replay = await host.Client.SendAsync(SettingsHost.Post("/api/v1/tallies/a", """{"count":1}""", "key-1")))
        {
            replay.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        }

        using (var large = await host.Client.SendAsync(SettingsHost.Post("/api/v1/tallies/b", $$"""{"count":1,"name":"{{new string('x', 3000)}}"}""")))
        {
            large.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        }

        using (var unsigned = await host.Client.SendAsync(SettingsHost.Post("/api/v1/hooks/tally", """{"name":"c"}""")))
        {
            unsigned.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await unsigned.ReadProblemAsync()).Code.Should().Be(ProblemCodes.WebhookSignatureInvalid);
        }

        var recorded = await tallies.WaitForAsync(3);
        var hook = (await hooks.WaitForAsync(1)).Should().ContainSingle().Subject;

        recorded.Should().HaveCount(3);
        recorded.Should().ContainSingle(t => !t.ContainsKey(HybridTelemetry.GuardTag) && !t.ContainsKey(HybridTelemetry.ErrorTypeTag), "the first request ran the handler");
        var replayed = recorded.Should().ContainSingle(t => Equals(t.GetValueOrDefault(HybridTelemetry.GuardTag), "idempotency")).Subject;
        replayed[HybridTelemetry.GuardOutcomeTag].Should().Be("replayed");
        replayed.Should().NotContainKey(HybridTelemetry.ErrorTypeTag);
        var refused = recorded.Should().ContainSingle(t => Equals(t.GetValueOrDefault(HybridTelemetry.GuardTag), "body_limit")).Subject;
        refused[HybridTelemetry.GuardOutcomeTag].Should().Be("refused");
        refused[HybridTelemetry.ErrorTypeTag].Should().Be(ProblemCodes.PayloadTooLarge);
        hook[HybridTelemetry.GuardTag].Should().Be("webhook");
        hook[HybridTelemetry.GuardOutcomeTag].Should().Be("refused");
        hook[HybridTelemetry.ErrorTypeTag].Should().Be(ProblemCodes.WebhookSignatureInvalid);
        hook[HybridTelemetry.DoorTag].Should().Be(HybridDoors.Rest);
    }
}
