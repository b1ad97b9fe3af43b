using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Hybrid.Http.Idempotency;

/// <summary>
/// A store key in 32 bytes (SHA-256 of its UTF-8), held inline in a dictionary entry: the key's
/// string would cost about 200 bytes more per record.
/// </summary>
internal readonly struct RecordDigest : IEquatable<RecordDigest>
{
    public const int Size = 32;

    private readonly ulong _a;
    private readonly ulong _b;
    private readonly ulong _c;
    private readonly ulong _d;

    private RecordDigest(ReadOnlySpan<byte> hash)
    {
        _a = BinaryPrimitives.ReadUInt64LittleEndian(hash);
        _b = BinaryPrimitives.ReadUInt64LittleEndian(hash[8..]);
        _c = BinaryPrimitives.ReadUInt64LittleEndian(hash[16..]);
        _d = BinaryPrimitives.ReadUInt64LittleEndian(hash[24..]);
    }

    public static RecordDigest Of(string key)
    {
        var length = Encoding.UTF8.GetMaxByteCount(key.Length);
        Span<byte> utf8 = length <= 1024 ? stackalloc byte[length] : new byte[length];
        Span<byte> hash = stackalloc byte[Size];
        SHA256.HashData(utf8[..Encoding.UTF8.GetBytes(key, utf8)], hash);
        return new RecordDigest(hash);
    }

    public bool Equals(RecordDigest other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

    public override bool Equals(object? obj) => obj is RecordDigest other && Equals(other);

    // HashCode is seeded per process: callers choose their keys, and must not be able to pile them into one bucket.
    public override int GetHashCode() => HashCode.Combine(_a, _b, _c, _d);
}
