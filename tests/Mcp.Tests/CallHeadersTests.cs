using Microsoft.AspNetCore.Http;

namespace Hybrid.Mcp.Tests;

/// <summary>A tool call reads the /mcp request's headers through, except the body headers, which describe its arguments.</summary>
public sealed class CallHeadersTests
{
    private static HeaderDictionary Transport() => new()
    {
        ["Content-Type"] = "application/json; charset=utf-8",
        ["Content-Length"] = "4096",
        ["Content-Encoding"] = "gzip",
        ["Accept"] = "application/json, text/event-stream",
        ["X-Api-Key"] = "k1",
    };

    [Fact]
    public void The_body_headers_are_the_arguments_and_every_other_header_reads_through()
    {
        IHeaderDictionary headers = new McpCallHeaders(Transport(), 17);

        headers.ContentType.ToString().Should().Be("application/json");
        headers.ContentLength.Should().Be(17);
        headers.ContainsKey("Content-Encoding").Should().BeFalse();
        headers.Accept.ToString().Should().Be("application/json, text/event-stream");
        headers["x-api-key"].ToString().Should().Be("k1");
        headers.Select(p => p.Key).Should().BeEquivalentTo(["Content-Type", "Content-Length", "Accept", "X-Api-Key"]);
        headers.Count.Should().Be(4);
    }

    [Fact]
    public void What_the_call_sets_or_removes_stays_on_the_call()
    {
        var transport = Transport();
        var headers = new McpCallHeaders(transport, 0);

        headers["X-Trace"] = "t";
        headers.Remove("X-Api-Key").Should().BeTrue();
        headers.ContentLength = 5;

        headers["X-Trace"].ToString().Should().Be("t");
        headers.ContainsKey("X-Api-Key").Should().BeFalse();
        headers.ContentLength.Should().Be(5);
        transport.ContainsKey("X-Trace").Should().BeFalse();
        transport["X-Api-Key"].ToString().Should().Be("k1");
        transport.ContentLength.Should().Be(4096);
    }
}
