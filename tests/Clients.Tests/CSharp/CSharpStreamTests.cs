using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using Hybrid.Streaming.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Clients.Tests.CSharp;

/// <summary>
/// The C# client's stream methods (generated from each door's document with <c>x-hybrid-stream</c>), compiled with
/// <c>Callers/StreamCaller.cs</c> and run against the counting stream on Kestrel: the items in order through each
/// door, resuming after a cut, a silence, a server's <c>reconnect</c> and an expired token, the terminal events as
/// typed exceptions, and a caller that stops closing the connection, which cancels the handler.
/// </summary>
public sealed class CSharpStreamTests(StreamHosts hosts) : IClassFixture<StreamHosts>
{
    private const string Caller = StreamHosts.Caller;

    private StreamProbe Probe => hosts.Quiet.Services.GetRequiredService<StreamProbe>();

    [Fact]
    public void The_stream_method_returns_the_generated_item_type_and_takes_a_resume_position_and_a_token()
    {
        hosts.Client.Source.Should()
            .Contain("public virtual System.Collections.Generic.IAsyncEnumerable<Tick> CountToAsync(int? count = null, int? delayMs = null, int? failAt = null, bool? declared = null, int? size = null, string? lastEventId = null, System.Threading.CancellationToken cancellationToken = default(System.Threading.CancellationToken))")
            .And.Contain("System.Collections.Generic.IAsyncEnumerable<Tick> CountTo2Async(CountTo body, string? lastEventId = null,")
            .And.Contain("public partial class Tick")
            .And.Contain("public partial class HybridStreamException : ApiException<ProblemDetails>")
            .And.Contain("System.TimeSpan.FromSeconds(2)", "the client waits for a byte as long as the document says")
            .And.NotContain("Task<System.Collections.Generic.IReadOnlyList<Tick>>", "no method reads the stream as one JSON body");
    }

    [Fact]
    public async Task Items_arrive_in_order_through_the_REST_GET_and_POST_and_the_action() =>
        (await hosts.Client.CallAsync(Caller, "Doors", hosts.Address)).Should().Be("1 2 3 4 | 1 2 3 | 1 2 3 4 5");

    [Fact]
    public async Task A_cut_stream_resumes_after_the_last_item_received_with_a_fresh_token()
    {
        var line = await hosts.Client.CallAsync(Caller, "Cut", hosts.Address);

        var parts = line.Split(" | ");
        parts[0].Should().Be("1 2 3 4 5 6", "no item is lost or repeated across the cut");
        var requests = parts[1].Split(", ");
        requests.Should().HaveCount(2);
        requests[0].Should().Be("200 -");
        requests[1].Should().MatchRegex(@"^200 [A-Za-z0-9_-]{22}\.3$", "the reconnect names the third item, the last one received");
        parts[2].Should().Be("tokens 2", "the token is asked for again before the reconnect");
    }

    [Fact]
    public async Task A_connection_silent_for_the_documents_timeout_is_replaced()
    {
        var watch = Stopwatch.StartNew();
        var line = await hosts.Client.CallAsync(Caller, "Silent", hosts.Address);

        line.Should().MatchRegex(@"^1 2 3 4 \| 200 -, 200 [A-Za-z0-9_-]{22}\.2$");
        watch.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(2), "the client waited the 2 s the document gives before it gave up on the connection");
    }

    [Fact]
    public async Task A_reconnect_event_continues_the_stream_on_a_new_connection() =>
        (await hosts.Client.CallAsync(Caller, "Reconnects", hosts.ShortLived.Client.BaseAddress!.ToString()))
            .Should().Be(string.Join(" ", Enumerable.Range(1, 25)) + " | True True");

    [Fact]
    public async Task An_expired_token_ends_the_connection_and_the_stream_continues_with_a_fresh_one()
    {
        var line = await hosts.Client.CallAsync(Caller, "Expiring", hosts.Address);

        line.Should().Be(string.Join(" ", Enumerable.Range(1, 30)) + " | tokens 2 | 2 True");
    }

    [Theory]
    [InlineData(true, "1 2 | 409 count_conflict The count met a conflict. True True")]
    [InlineData(false, "1 2 | 500 internal_error An unexpected error occurred. Quote the trace id when reporting it. True True")]
    public async Task An_error_after_items_throws_the_problem_typed_after_every_item_before_it(bool declared, string expected) =>
        (await hosts.Client.CallAsync(Caller, "Failing", hosts.Address, declared)).Should().Be(expected);

    [Fact]
    public async Task A_failure_before_the_first_item_is_a_plain_status() =>
        (await hosts.Client.CallAsync(Caller, "Refused", hosts.Address)).Should().Be("ApiException`1 409");

    [Fact]
    public async Task A_position_the_server_cannot_resume_throws_the_reset() =>
        (await hosts.Client.CallAsync(Caller, "Reset", hosts.Address, "AAAAAAAAAAAAAAAAAAAAAA.1")).Should().Be("reset stream_reset 409");

    [Fact]
    public async Task Resuming_a_finished_stream_at_its_end_ends_with_no_item_and_no_error()
    {
        var events = await ReadActionAsync(count: 4);
        events.Select(e => e.EventType).Should().Equal("message", "message", "message", "message", "done");

        (await hosts.Client.CallAsync(Caller, "Resume", hosts.Address, events[^1].EventId!)).Should().Be("[] 204");
        (await hosts.Client.CallAsync(Caller, "Resume", hosts.Address, events[1].EventId!)).Should().Be("[3 4] 200");
    }

    [Fact]
    public async Task Cancelling_the_token_closes_the_connection_and_cancels_the_handler()
    {
        var cancelled = Probe.CancelledCount;

        (await hosts.Client.CallAsync(Caller, "Cancel", hosts.Quiet.Client.BaseAddress!.ToString())).Should().Be("cancelled after 2");

        await HandlerCancelledAsync(cancelled);
    }

    [Fact]
    public async Task Leaving_the_loop_closes_the_connection_and_cancels_the_handler()
    {
        var cancelled = Probe.CancelledCount;

        (await hosts.Client.CallAsync(Caller, "Leave", hosts.Quiet.Client.BaseAddress!.ToString())).Should().Be("left after 2");

        await HandlerCancelledAsync(cancelled);
    }

    [Fact]
    public async Task After_the_reconnects_allowed_fail_in_a_row_the_stream_throws() =>
        (await hosts.Client.CallAsync(Caller, "GivesUp", hosts.Address)).Should().Be("1 | Connection refused (by the test's wire). | 3");

    /// <summary>The handler's finally ran with its token cancelled within a second of the caller returning.</summary>
    private async Task HandlerCancelledAsync(int before)
    {
        var watch = Stopwatch.StartNew();
        while (Probe.CancelledCount == before && watch.Elapsed < TimeSpan.FromSeconds(1))
        {
            await Task.Delay(10);
        }

        Probe.CancelledCount.Should().Be(before + 1, "the handler's token is cancelled within 1 s of the client leaving");
    }

    private async Task<List<SseItem<string>>> ReadActionAsync(int count)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_actions/Count") { Content = JsonContent.Create(new { count }) };
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await hosts.Host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var events = new List<SseItem<string>>();
        await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync()).EnumerateAsync())
        {
            events.Add(item);
        }

        return events;
    }
}
