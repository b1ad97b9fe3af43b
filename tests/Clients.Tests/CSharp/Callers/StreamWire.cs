using System.Net;

namespace Callers;

/// <summary>One request as <see cref="Wire"/> saw it.</summary>
internal sealed record WireRequest(string? LastEventId, string? Token, HttpStatusCode Status);

/// <summary>The network under a client: records requests, and cuts, silences or refuses as told.</summary>
internal sealed class Wire : DelegatingHandler
{
    public int CutAfter { get; init; }

    public int SilentAfter { get; init; }

    public bool RefuseAfterFirst { get; init; }

    public List<WireRequest> Requests { get; } = [];

    public string Report => string.Join(", ", Requests.Select(r => $"{(int)r.Status} {r.LastEventId ?? "-"}"));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var first = Requests.Count == 0;
        if (!first && RefuseAfterFirst)
        {
            Requests.Add(new WireRequest(null, null, 0));
            throw new HttpRequestException("Connection refused (by the test's wire).");
        }

        var response = await base.SendAsync(request, cancellationToken);
        Requests.Add(new WireRequest(request.Headers.TryGetValues("Last-Event-ID", out var ids) ? ids.Single() : null, request.Headers.Authorization?.Parameter, response.StatusCode));
        if (first && (CutAfter > 0 || SilentAfter > 0) && response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            var body = new Interrupted(await response.Content.ReadAsStreamAsync(cancellationToken), CutAfter > 0 ? CutAfter : SilentAfter, silent: SilentAfter > 0);
            var content = new StreamContent(body);
            foreach (var header in response.Content.Headers)
            {
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = content;
        }

        return response;
    }
}

/// <summary>An event stream that passes its first <c>items</c> item events through, then ends (a cut) or goes silent.</summary>
internal sealed class Interrupted(Stream inner, int items, bool silent) : Stream
{
    private readonly List<byte> _block = [];
    private int _passed;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_passed >= items)
        {
            if (silent)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return 0;
        }

        var read = await inner.ReadAsync(buffer, cancellationToken);
        for (var i = 0; i < read; i++)
        {
            _block.Add(buffer.Span[i]);
            if (_block.Count >= 2 && _block[^1] == '\n' && _block[^2] == '\n')
            {
                var text = System.Text.Encoding.UTF8.GetString([.. _block]);
                _block.Clear();
                if (text.Contains("data:", StringComparison.Ordinal) && !text.Contains("event:", StringComparison.Ordinal) && ++_passed == items)
                {
                    return i + 1;
                }
            }
        }

        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
