using System.Text;

namespace Hybrid.Http.Idempotency;

/// <summary>
/// What the store keeps under one key, and its bytes in the cache: a claim (in flight) or a stored
/// response, with the payload's fingerprint and when it expires. The expiry is kept in the record
/// too, so the store's clock (a <see cref="TimeProvider"/>) decides, whatever the cache's clock says.
/// </summary>
internal sealed record IdempotencyRecord(byte[] Fingerprint, DateTimeOffset ExpiresAt, StoredResponse? Response)
{
    private const byte Format = 1;

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Format);
            writer.Write(Fingerprint.Length);
            writer.Write(Fingerprint);
            writer.Write(ExpiresAt.ToUnixTimeMilliseconds());
            writer.Write(Response is not null);
            if (Response is { } response)
            {
                writer.Write(response.Status);
                writer.Write(response.Headers.Count);
                foreach (var (name, value) in response.Headers)
                {
                    writer.Write(name);
                    writer.Write(value);
                }

                writer.Write(response.Body.Length);
                writer.Write(response.Body);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Reads a record, or null for bytes of another format (which the store treats as no record).</summary>
    public static IdempotencyRecord? FromBytes(byte[] bytes) => FromBytes(bytes, 0, bytes.Length);

    /// <summary>Reads a record from <paramref name="count"/> bytes at <paramref name="offset"/>, or null for bytes of another format.</summary>
    public static IdempotencyRecord? FromBytes(byte[] bytes, int offset, int count)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, offset, count, writable: false), Encoding.UTF8);
            if (reader.ReadByte() != Format)
            {
                return null;
            }

            var fingerprint = reader.ReadBytes(reader.ReadInt32());
            var expiresAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.ReadInt64());
            if (!reader.ReadBoolean())
            {
                return new IdempotencyRecord(fingerprint, expiresAt, null);
            }

            var status = reader.ReadInt32();
            var headers = new KeyValuePair<string, string>[reader.ReadInt32()];
            for (var i = 0; i < headers.Length; i++)
            {
                headers[i] = new(reader.ReadString(), reader.ReadString());
            }

            var body = reader.ReadBytes(reader.ReadInt32());
            return new IdempotencyRecord(fingerprint, expiresAt, new StoredResponse(status, headers, body));
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentOutOfRangeException or FormatException)
        {
            return null;
        }
    }
}
