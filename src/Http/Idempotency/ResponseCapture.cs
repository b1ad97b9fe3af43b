using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Hybrid.Http.Idempotency;

/// <summary>
/// Copies what the endpoint writes while it goes to the client, so the first response for a key can
/// be stored. A body over <see cref="MaxBody"/> is sent but not kept (the key is then released).
/// </summary>
internal sealed class ResponseCapture : IDisposable
{
    /// <summary>The largest body kept for replay; a cache entry is not the place for downloads.</summary>
    internal const int MaxBody = 1024 * 1024;

    // The headers that describe the response itself; cookies and per-response headers are not replayed.
    private static readonly string[] Replayed =
    [
        "Content-Type", "Content-Language", "Content-Disposition", "Location", "ETag", "Last-Modified", "Cache-Control", "Deprecation", "Sunset", "Link", "Retry-After",
    ];

    private readonly HttpContext _context;
    private readonly IHttpResponseBodyFeature _original;
    private readonly StreamResponseBodyFeature _capturing;
    private readonly Tee _tee;
    private bool _restored;

    private ResponseCapture(HttpContext context)
    {
        _context = context;
        _original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        _tee = new Tee(_original.Stream);
        _capturing = new StreamResponseBodyFeature(_tee, _original);
        context.Features.Set<IHttpResponseBodyFeature>(_capturing);
    }

    public static ResponseCapture Start(HttpContext context) => new(context);

    /// <summary>Stops capturing: puts the response's own body back, and returns what was written, or null when it was too large to keep.</summary>
    /// <param name="cancellationToken">The request's token: once its handler ran, one the client cannot cut.</param>
    public async Task<StoredResponse?> StopAsync(CancellationToken cancellationToken)
    {
        await _capturing.Writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        Restore();
        if (_tee.Overflowed)
        {
            return null;
        }

        var response = _context.Response;
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var name in Replayed)
        {
            if (response.Headers.TryGetValue(name, out var value) && value.ToString() is { Length: > 0 } text)
            {
                headers.Add(new(name, text));
            }
        }

        return new StoredResponse(response.StatusCode, headers, _tee.Copy.ToArray());
    }

    /// <summary>Puts the response's own body back (idempotent) and frees the copy.</summary>
    public void Dispose()
    {
        Restore();
        _tee.Dispose();
    }

    private void Restore()
    {
        if (!_restored)
        {
            _restored = true;
            _context.Features.Set(_original);
        }
    }

    /// <summary>Writes to the response and keeps a copy, up to <see cref="MaxBody"/>.</summary>
    private sealed class Tee(Stream inner) : Stream
    {
        public MemoryStream Copy { get; } = new();

        public bool Overflowed { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Record(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Record(buffer.Span);
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        protected override void Dispose(bool disposing)
        {
            // The response's own stream is the server's to close; only the copy is ours.
            if (disposing)
            {
                Copy.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Record(ReadOnlySpan<byte> bytes)
        {
            if (Overflowed || Copy.Length + bytes.Length > MaxBody)
            {
                Overflowed = true;
                return;
            }

            Copy.Write(bytes);
        }
    }
}
