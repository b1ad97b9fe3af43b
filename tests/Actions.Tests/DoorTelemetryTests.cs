using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Hybrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Actions.Tests;

/// <summary>
/// One activity and one duration measurement per door request, tagged with the operation, the door
/// and, on failure, error.type. Listeners are process-wide and other tests run in parallel, so only
/// what this test's operation and this test's host recorded is read.
/// </summary>
public sealed class DoorTelemetryTests
{
    private const string Operation = nameof(TelemetryProbe);

    private static readonly (string Body, string? ErrorType)[] Requests =
    [
        ("""{"name":"a"}""", null),
        ("""{"mode":"ok"}""", ProblemCodes.ValidationFailed),
        ("""{"name":""", ProblemCodes.InvalidJson),
        ("""{"name":"a","mode":"crash"}""", "System.InvalidOperationException"),
    ];

    [Fact]
    public async Task Each_door_request_records_one_duration_and_one_activity_with_its_outcome()
    {
        var activities = new ConcurrentQueue<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == HybridTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem(HybridTelemetry.OperationTag) as string == Operation)
                {
                    activities.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(activityListener);

        await using var host = await ActionsHost.StartBothDoorsAsync(o => o.Expose<TelemetryProbe>(op => op.AsAction().Post("probes")));
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        var instruments = new ConcurrentQueue<Instrument>();
        var measurements = new ConcurrentQueue<(double Seconds, Dictionary<string, object?> Tags)>();
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                // This host's "Hybrid" meter only: every test host has its own, from its IMeterFactory.
                if (instrument.Meter.Name == HybridTelemetry.MeterName && ReferenceEquals(instrument.Meter.Scope, meters))
                {
                    instruments.Enqueue(instrument);
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            if (instrument.Name == HybridTelemetry.RequestDurationInstrument && copy.GetValueOrDefault(HybridTelemetry.OperationTag) as string == Operation)
            {
                measurements.Enqueue((value, copy));
            }
        });
        meterListener.Start();

        var xsrf = await ActionsHost.GetXsrfAsync(host.Client);
        foreach (var (body, errorType) in Requests)
        {
            using var action = await host.Client.SendAsync(ActionsHost.ActionPost("TelemetryProbe", DoorCase.JsonContent(body), xsrf));
            await ShouldAnswerAsync(action, errorType, HttpStatusCode.OK);
            using var rest = await host.Client.SendAsync(ActionsHost.RestSend(HttpMethod.Post, "/api/v1/probes", DoorCase.JsonContent(body)));
            await ShouldAnswerAsync(rest, errorType, HttpStatusCode.Created);
        }

        // Recorded as the endpoint returns, which may be just after the client has the response.
        await WaitForAsync(() => measurements.Count >= 8 && activities.Count >= 8);
        await Task.Delay(100);

        // The meter's other instruments (failed evictions and the like) record nothing on these requests.
        var histogram = instruments.Where(i => i is Histogram<double>).Should().ContainSingle().Which;
        histogram.Name.Should().Be("hybrid.request.duration");
        histogram.Unit.Should().Be("s");
        histogram.Should().BeOfType<Histogram<double>>();
        histogram.Meter.Name.Should().Be("Hybrid");

        var expected = Requests.SelectMany(r => new[] { (HybridDoors.Action, r.ErrorType), (HybridDoors.Rest, r.ErrorType) }).ToList();
        measurements.Should().HaveCount(8);
        measurements.Select(m => ((string)m.Tags[HybridTelemetry.DoorTag]!, m.Tags.GetValueOrDefault(HybridTelemetry.ErrorTypeTag) as string))
            .Should().BeEquivalentTo(expected);
        foreach (var (seconds, tags) in measurements)
        {
            seconds.Should().BeGreaterThan(0).And.BeLessThan(30);
            tags[HybridTelemetry.OperationTag].Should().Be("TelemetryProbe");
            tags.ContainsKey(HybridTelemetry.ErrorTypeTag).Should().Be(tags.GetValueOrDefault(HybridTelemetry.ErrorTypeTag) is not null);
        }

        activities.Should().HaveCount(8);
        activities.Select(a => ((string)a.GetTagItem(HybridTelemetry.DoorTag)!, a.GetTagItem(HybridTelemetry.ErrorTypeTag) as string))
            .Should().BeEquivalentTo(expected);
        foreach (var activity in activities)
        {
            var door = (string)activity.GetTagItem(HybridTelemetry.DoorTag)!;
            activity.Source.Name.Should().Be("Hybrid");
            activity.OperationName.Should().Be("Hybrid " + door + " TelemetryProbe");
            activity.Kind.Should().Be(ActivityKind.Internal);
            var errorType = activity.GetTagItem(HybridTelemetry.ErrorTypeTag) as string;
            if (errorType is null)
            {
                activity.Status.Should().Be(ActivityStatusCode.Unset);
                activity.Events.Should().BeEmpty();
            }
            else
            {
                activity.Status.Should().Be(ActivityStatusCode.Error, errorType);
                activity.StatusDescription.Should().Be(errorType.StartsWith("System.", StringComparison.Ordinal) ? ProblemCodes.InternalError : errorType);
            }
        }

        foreach (var failed in activities.Where(a => a.GetTagItem(HybridTelemetry.ErrorTypeTag) is ProblemCodes.ValidationFailed or ProblemCodes.InvalidJson))
        {
            failed.Events.Should().BeEmpty();
        }

        var crashes = activities.Where(a => a.GetTagItem(HybridTelemetry.ErrorTypeTag) as string == "System.InvalidOperationException").ToList();
        crashes.Should().HaveCount(2);
        foreach (var crash in crashes)
        {
            var exception = crash.Events.Should().ContainSingle().Which;
            exception.Name.Should().Be("exception");
            var tags = exception.Tags.ToDictionary(t => t.Key, t => t.Value);
            tags["exception.type"].Should().Be("System.InvalidOperationException");
            tags["exception.message"].Should().Be("The probe crashed on purpose.");
            ((string)tags["exception.stacktrace"]!).Should().Contain(nameof(TelemetryProbeHandler));
        }

        host.Calls().Of(nameof(TelemetryProbe)).Should().Be(4);
    }

    private static async Task ShouldAnswerAsync(HttpResponseMessage response, string? errorType, HttpStatusCode success)
    {
        if (errorType is null)
        {
            response.StatusCode.Should().Be(success, await response.Content.ReadAsStringAsync());
            return;
        }

        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(errorType.StartsWith("System.", StringComparison.Ordinal) ? ProblemCodes.InternalError : errorType);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }
}
