using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using Hybrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Streaming.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task Items_arrive_in_order_through_the_action_door()
    {
        await using var host = await TestHost.StartOnKestrelAsync([typeof(CountTo).Assembly], services: s => s.AddSingleton<StreamProbe>(), map: app => { app.MapHybridActions(); app.MapHybridRest(); });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_actions/Count") { Content = JsonContent.Create(new { count = 5 }) };
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var events = new List<SseItem<string>>();
        await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync()).EnumerateAsync())
        {
            events.Add(item);
        }

        events.Select(e => e.EventType).Should().Equal("message", "message", "message", "message", "message", "done");
        events[0].Data.Should().Be("{\"n\":1,\"text\":\"tick 1\"}");
        events[^1].Data.Should().Be("{\"value\":{\"total\":5}}");
    }
}
