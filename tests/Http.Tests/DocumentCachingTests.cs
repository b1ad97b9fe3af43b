using System.Net;
using System.Net.Http.Headers;

namespace Hybrid.Http.Tests;

public sealed class DocumentCachingTests
{
    [Fact]
    public async Task A_document_is_served_with_a_strong_etag_and_a_matching_if_none_match_gets_304_without_a_body()
    {
        await using var host = await RestHost.StartAsync();

        using var first = await host.Client.GetAsync("/openapi/v1.json");
        var etag = first.Headers.ETag;
        etag.Should().NotBeNull();
        etag!.IsWeak.Should().BeFalse();
        var body = await first.Content.ReadAsStringAsync();

        using var again = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await host.Client.SendAsync(again);
        notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await notModified.Content.ReadAsByteArrayAsync()).Should().BeEmpty();

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0123\""));
        using var full = await host.Client.SendAsync(stale);
        full.StatusCode.Should().Be(HttpStatusCode.OK);
        (await full.Content.ReadAsStringAsync()).Should().Be(body);
        full.Headers.ETag.Should().Be(etag);
    }
}
