using System.Buffers;
using System.Security.Cryptography;

namespace Hybrid;

/// <summary>
/// A document's bytes as a list of small segments: an <see cref="IBufferWriter{T}"/> to write it,
/// and what is served afterwards. Segments stay below the large object heap's threshold, so
/// building a multi-megabyte document leaves no large garbage behind (a growing array would
/// allocate and discard every doubling on the large object heap, which the GC seldom compacts) and
/// what is kept is exactly what was written, plus at most one segment.
/// </summary>
internal sealed class DocumentBytes : IBufferWriter<byte>
{
    private const int SegmentSize = 64 * 1024;
    private readonly List<byte[]> _segments = [];
    private readonly List<int> _lengths = [];
    private int _used;

    /// <summary>Total bytes written.</summary>
    public long Length { get; private set; }

    /// <summary>The written bytes, segment by segment (the last one trimmed once <see cref="Seal"/> ran).</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Segments =>
        _segments.Select((segment, i) => new ReadOnlyMemory<byte>(segment, 0, i == _segments.Count - 1 ? _used : _lengths[i]));

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _used += count;
        Length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _segments[^1].AsMemory(_used);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _segments[^1].AsSpan(_used);
    }

    /// <summary>
    /// Trims the last segment to what it holds. Earlier segments are kept as they are: one is only
    /// left partly filled when the writer asked for more room than remained (it asks for 4 KB at a
    /// time), so they waste at most that much each, and copying them would double what a build
    /// allocates.
    /// </summary>
    public void Seal()
    {
        if (_segments.Count > 0 && _used < _segments[^1].Length)
        {
            _segments[^1] = _segments[^1].AsSpan(0, _used).ToArray();
        }
    }

    /// <summary>A strong ETag for the bytes: the first 128 bits of their SHA-256, in hex.</summary>
    public string Hash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var segment in Segments)
        {
            hash.AppendData(segment.Span);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 16));
    }

    private void Ensure(int sizeHint)
    {
        sizeHint = Math.Max(sizeHint, 1);
        if (_segments.Count > 0 && _segments[^1].Length - _used >= sizeHint)
        {
            return;
        }

        if (_segments.Count > 0)
        {
            _lengths.Add(_used);
        }

        _segments.Add(new byte[Math.Max(SegmentSize, sizeHint)]);
        _used = 0;
    }
}
