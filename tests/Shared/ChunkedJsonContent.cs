using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Hybrid.Testing;

/// <summary>
/// A JSON body of unknown length, written in pieces of <c>pieceSize</c> bytes as a streaming client
/// writes it: HTTP/1.1 sends it chunked, with no Content-Length.
/// </summary>
public sealed class ChunkedJsonContent : HttpContent
{
    private readonly byte[] _bytes;
    private readonly int _pieceSize;

    public ChunkedJsonContent(string json, int pieceSize = 64 * 1024)
    {
        _bytes = Encoding.UTF8.GetBytes(json);
        _pieceSize = pieceSize;
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var offset = 0; offset < _bytes.Length; offset += _pieceSize)
        {
            await stream.WriteAsync(_bytes.AsMemory(offset, Math.Min(_pieceSize, _bytes.Length - offset)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
