using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Hybrid.Http.Tests;

/// <summary>
/// HTTP/2 and HTTP/3 have no Transfer-Encoding: a body sent without Content-Length (a streamed
/// body, e.g. HttpClient's JsonContent) arrives with neither header. The server says whether a
/// body may follow through IHttpRequestBodyDetectionFeature; the door must not ignore it.
/// </summary>
public sealed class Http2BodyTests
{
    [Fact]
    public async Task Body_without_Content_Length_or_Transfer_Encoding_is_read()
    {
        await using var host = await RestHost.StartAsync(map: app =>
        {
            app.Use((context, next) =>
            {
                // What Kestrel shows for an HTTP/2 request with a streamed body.
                context.Request.Protocol = HttpProtocol.Http2;
                context.Request.Headers.Remove("Transfer-Encoding");
                return next(context);
            });
            app.MapHybridRest();
        });

        using var response = await host.Client.PostAsync("/api/v1/shops/5/things", new StreamedContent("""{"name":"Over h2","quantity":7}"""));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        host.Store().Things.Values.Should().ContainSingle().Which.Should().Be(new Thing(101, 5, "Over h2", 7));
    }

    [Fact]
    public async Task Non_json_body_without_Content_Length_or_Transfer_Encoding_is_415()
    {
        await using var host = await RestHost.StartAsync(map: app =>
        {
            app.Use((context, next) =>
            {
                context.Request.Protocol = HttpProtocol.Http2;
                context.Request.Headers.Remove("Transfer-Encoding");
                return next(context);
            });
            app.MapHybridRest();
        });

        using var content = new StreamedContent("""{"name":"Over h2"}""", "text/plain");
        using var response = await host.Client.PostAsync("/api/v1/shops/5/things", content);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        host.Store().Received.Should().BeEmpty();
    }

    private sealed class StreamedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public StreamedContent(string text, string mediaType = "application/json")
        {
            _bytes = Encoding.UTF8.GetBytes(text);
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
