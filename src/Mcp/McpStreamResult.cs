using System.Buffers;
using System.Text.Json;

namespace Hybrid.Mcp;

/// <summary>
/// A stream's items collected into the one result a tool call answers, <c>{"items": [...]}</c> with
/// the stream's final value as <c>"value"</c> when its handler set one, written as the items come,
/// within the door's caps (<see cref="McpDoorOptions.MaxStreamItems"/>, <see cref="McpDoorOptions.MaxStreamBytes"/>).
/// </summary>
internal sealed class McpStreamResult(int maxItems, long maxBytes)
{
    /// <summary>The member that holds the items.</summary>
    public const string ItemsMember = "items";

    /// <summary>The member that holds the stream's final value.</summary>
    public const string ValueMember = "value";

    private static readonly byte[] Opening = "{\"items\":["u8.ToArray();

    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private long _bytes;

    /// <summary>The items collected so far.</summary>
    public int Count { get; private set; }

    /// <summary>Adds one item's JSON; <see langword="false"/> (and nothing added) when it would pass a cap.</summary>
    public bool TryAdd(ReadOnlySpan<byte> json)
    {
        if (Count >= maxItems || _bytes + json.Length > maxBytes)
        {
            return false;
        }

        _buffer.Write(Count == 0 ? Opening : ","u8);
        _buffer.Write(json);
        _bytes += json.Length;
        Count++;
        return true;
    }

    /// <summary>The result's JSON, with <paramref name="value"/> (already JSON) as its final value when given.</summary>
    public byte[] Finish(ReadOnlySpan<byte> value)
    {
        if (Count == 0)
        {
            _buffer.Write(Opening);
        }

        _buffer.Write("]"u8);
        if (!value.IsEmpty)
        {
            _buffer.Write(",\"value\":"u8);
            _buffer.Write(value);
        }

        _buffer.Write("}"u8);
        return _buffer.WrittenSpan.ToArray();
    }

    /// <summary>The final value a stream's handler set, as JSON, or nothing when it set none.</summary>
    public static byte[] ValueOf(StreamContext stream, JsonSerializerOptions json) =>
        !stream.HasFinalValue ? []
        : stream.FinalValue is { } value ? JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), json)
        : "null"u8.ToArray();
}
