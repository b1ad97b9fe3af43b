using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hybrid.Testing;

namespace Hybrid.Streaming.Tests;

public sealed class DoorTests
{
    public static TheoryData<string> Doors => ["action", "rest-get", "rest-post"];

    private static HttpRequestMessage Count(string door, int count, int? failAt = null, bool declared = false) => door switch
    {
        "action" => StreamHost.Action("Count", new { count, failAt, declared }),
        "rest-get" => StreamHost.Get($"/count?count={count}&failAt={failAt}&declared={declared}".Replace("failAt=&", string.Empty, StringComparison.Ordinal)),
        _ => new HttpRequestMessage(HttpMethod.Post, "/api/v1/count") { Content = JsonContent.Create(new { count, failAt, declared }), Headers = { { "Accept", "text/event-stream" } } },
    };

    [Theory]
    [MemberData(nameof(Doors))]
    public async Task Items_arrive_in_order_and_the_stream_ends_with_done(string door)
    {
        await using var host = await StreamHost.StartAsync();
        using var response = await host.OpenAsync(Count(door, 25));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        response.Headers.CacheControl!.NoCache.Should().BeTrue();
        response.Headers.CacheControl.NoTransform.Should().BeTrue();
        response.Headers.GetValues("X-Accel-Buffering").Should().Equal("no");
        var events = await SseEvents.ReadAllAsync(response);
        events.Where(e => e.EventType == "message").Select(e => e.N()).Should().Equal(Enumerable.Range(1, 25));
        events[^1].EventType.Should().Be("done");
        events[^1].Data.Should().Be("{\"value\":{\"total\":25}}");
        events.Select(e => e.EventId).Should().OnlyHaveUniqueItems().And.AllSatisfy(id => id.Should().MatchRegex("^[A-Za-z0-9_-]{22}\\.[0-9]+$"));
    }

    [Fact]
    public async Task Json_lines_carry_the_same_events_and_end_with_a_terminal_record()
    {
        await using var host = await StreamHost.StartAsync();
        using var response = await host.OpenAsync(StreamHost.Get("/count?count=3", accept: "application/jsonl"));

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/jsonl");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Select(l => l.GetProperty("type").GetString()).Should().Equal("item", "item", "item", "done");
        lines[0].GetProperty("data").GetProperty("n").GetInt32().Should().Be(1);
        lines[^1].GetProperty("data").GetProperty("value").GetProperty("total").GetInt32().Should().Be(3);
    }

    [Fact]
    public async Task A_rest_stream_refuses_an_accept_it_cannot_answer_before_the_handler_runs()
    {
        await using var host = await StreamHost.StartAsync();
        using var response = await host.OpenAsync(StreamHost.Get("/count?count=3", accept: "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotAcceptable, ProblemCodes.NotAcceptable);
        host.Probe().Starts.Should().BeEmpty();
    }

    [Fact]
    public async Task Stream_pipeline_behaviours_run_on_every_item()
    {
        await using var host = await StreamHost.StartAsync(services: StreamHost.AddSuffixBehavior);
        using var response = await host.OpenAsync(StreamHost.Action("Count", new { count = 2 }));

        var events = await SseEvents.ReadAllAsync(response);
        events.Where(e => e.EventType == "message").Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("text").GetString()).Should().Equal("tick 1!", "tick 2!");
    }

    [Theory]
    [MemberData(nameof(Doors))]
    public async Task A_refusal_before_the_first_byte_is_a_plain_status(string door)
    {
        await using var host = await StreamHost.StartAsync();
        using var invalid = await host.OpenAsync(Count(door, -1));
        await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);

        using var failsFirst = await host.OpenAsync(Count(door, 5, failAt: 1, declared: true));
        await failsFirst.ShouldBeProblemAsync(HttpStatusCode.Conflict, "count_conflict");
    }

    [Fact]
    public async Task Authorization_and_a_handlers_own_refusal_come_before_any_byte()
    {
        await using var host = await StreamHost.StartAsync();
        using var anonymous = await host.OpenAsync(StreamHost.Get("/idle", user: null));
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        using var missing = await host.OpenAsync(StreamHost.Get("/missing/7"));
        await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound, "thing_not_found");
    }

    [Theory]
    [MemberData(nameof(Doors))]
    public async Task A_failure_after_items_is_an_error_event_after_all_of_them(string door)
    {
        await using var host = await StreamHost.StartAsync();
        using var declared = await host.OpenAsync(Count(door, 5, failAt: 4, declared: true));
        var events = await SseEvents.ReadAllAsync(declared);
        events.Where(e => e.EventType == "message").Select(e => e.N()).Should().Equal(1, 2, 3);
        events[^1].EventType.Should().Be("error");
        events[^1].Code().Should().Be("count_conflict");

        using var unexpected = await host.OpenAsync(Count(door, 5, failAt: 2));
        var failed = await SseEvents.ReadAllAsync(unexpected);
        failed[^1].EventType.Should().Be("error");
        failed[^1].Code().Should().Be(ProblemCodes.InternalError);
        failed[^1].Data.Should().NotContain("secret");
    }

    [Fact]
    public async Task Concurrent_streams_of_one_caller_are_never_serialized()
    {
        await using var host = await StreamHost.StartAsync();
        using var first = await host.OpenAsync(StreamHost.Action("Idle", new { first = 1 }));
        using var second = await host.OpenAsync(StreamHost.Action("Idle", new { first = 1 }));

        (await SseEvents.ReadItemsAsync(second, 1)).Single().N().Should().Be(1);
        (await SseEvents.ReadItemsAsync(first, 1)).Single().N().Should().Be(1);
    }
}
