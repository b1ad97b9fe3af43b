using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace Hybrid;

/// <summary>
/// Writes a stream's events in its format onto the response's <see cref="PipeWriter"/>. The event
/// stream: <c>id:</c>, <c>event:</c> (not for an item), one <c>data:</c> line of JSON (never indented,
/// so never multi-line) and a blank line; a heartbeat is a comment. JSON Lines: one record per line,
/// <c>{"type":"item","id":...,"data":...}</c>, the heartbeat <c>{"type":"heartbeat"}</c>.
/// </summary>
internal static class StreamEventWriter
{
    private static readonly byte[] Heartbeat = ": heartbeat\n\n"u8.ToArray();
    private static readonly byte[] JsonHeartbeat = "{\"type\":\"heartbeat\"}\n"u8.ToArray();

    /// <summary>The event stream's opening: how long an EventSource waits before it reconnects.</summary>
    public static void WriteOpening(PipeWriter writer, StreamFormat format)
    {
        if (format == StreamFormat.EventStream)
        {
            writer.Write("retry: 1000\n\n"u8);
        }
    }

    public static void WriteHeartbeat(PipeWriter writer, StreamFormat format) =>
        writer.Write(format == StreamFormat.EventStream ? Heartbeat : JsonHeartbeat);

    public static void Write(PipeWriter writer, StreamFormat format, StreamEventKind kind, string? id, ReadOnlySpan<byte> json) =>
        Write(writer, format, kind, new EventId(id, null, 0), json);

    /// <summary>Writes an event whose id is written as it goes (a log key and sequence, or a number), with no string made for it.</summary>
    public static void Write(PipeWriter writer, StreamFormat format, StreamEventKind kind, EventId id, ReadOnlySpan<byte> json)
    {
        if (format == StreamFormat.EventStream)
        {
            if (id.Exists)
            {
                writer.Write("id: "u8);
                id.WriteTo(writer);
                writer.Write("\n"u8);
            }

            if (kind != StreamEventKind.Item)
            {
                writer.Write("event: "u8);
                writer.Write(Name(kind));
                writer.Write("\n"u8);
            }

            writer.Write("data: "u8);
            writer.Write(json);
            writer.Write("\n\n"u8);
            return;
        }

        writer.Write("{\"type\":\""u8);
        writer.Write(Name(kind));
        writer.Write("\""u8);
        if (id.Exists)
        {
            writer.Write(",\"id\":\""u8);
            id.WriteTo(writer);
            writer.Write("\""u8);
        }

        writer.Write(",\"data\":"u8);
        writer.Write(json);
        writer.Write("}\n"u8);
    }

    /// <summary>The event's name on the wire (SSE <c>event:</c>, JSON Lines <c>type</c>).</summary>
    public static ReadOnlySpan<byte> Name(StreamEventKind kind) => kind switch
    {
        StreamEventKind.Item => "item"u8,
        StreamEventKind.Done => "done"u8,
        StreamEventKind.Error => "error"u8,
        StreamEventKind.Reset => "reset"u8,
        StreamEventKind.AuthExpired => "auth_expired"u8,
        _ => "reconnect"u8,
    };

    /// <summary>
    /// An event's id: a string (a cursor), a log key and sequence (<c>{key}.{sequence}</c>), or a number
    /// alone (<see cref="Text"/> null, <see cref="Key"/> null). Ids are checked to be ASCII without line
    /// breaks or quotes (<see cref="StreamPosition"/>), so a byte per char is exact.
    /// </summary>
    internal readonly record struct EventId(string? Text, string? Key, long Number)
    {
        public static EventId Logged(string key, long sequence) => new(null, key, sequence);

        public static EventId Numbered(long number) => new(null, null, number);

        public bool Exists => Text is not null || Key is not null || Number > 0;

        public void WriteTo(PipeWriter writer)
        {
            if (Text is not null)
            {
                WriteAscii(writer, Text);
                return;
            }

            if (Key is not null)
            {
                WriteAscii(writer, Key);
                writer.Write("."u8);
            }

            var span = writer.GetSpan(20);
            System.Buffers.Text.Utf8Formatter.TryFormat(Number, span, out var written);
            writer.Advance(written);
        }

        private static void WriteAscii(PipeWriter writer, string value)
        {
            var span = writer.GetSpan(value.Length);
            writer.Advance(Encoding.ASCII.GetBytes(value, span));
        }
    }
}
