using System.Collections.Concurrent;
using System.Globalization;

namespace Hybrid.Soak;

/// <summary>
/// The writes' markers: each write carries a unique one (in a comment's body or a post's title), and
/// its fate as the driver saw it. The database is then checked against this record.
/// </summary>
internal sealed class Ledger(string run)
{
    private readonly ConcurrentDictionary<string, WriteFate> _writes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _kinds = new(StringComparer.Ordinal);
    private long _next;

    /// <summary>What every marker of this run starts with.</summary>
    public string Prefix { get; } = $"soak-{run}-";

    public string NewMarker(string kind, WriteFate fate)
    {
        var marker = Prefix + Interlocked.Increment(ref _next).ToString("D7", CultureInfo.InvariantCulture);
        _writes[marker] = fate;
        _kinds[marker] = kind;
        return marker;
    }

    public void Set(string marker, WriteFate fate) => _writes[marker] = fate;

    public IReadOnlyDictionary<string, WriteFate> Writes => _writes;

    /// <summary>The kind of write that sent the marker, for the report.</summary>
    public string KindOf(string marker) => _kinds.GetValueOrDefault(marker, "?");
}

/// <summary>What the driver knows of one write.</summary>
internal enum WriteFate
{
    /// <summary>Sent; no 2xx seen (yet): it may or may not be stored.</summary>
    Unconfirmed,

    /// <summary>A 2xx answered it: it must be stored exactly once.</summary>
    Accepted,

    /// <summary>Only part of its body was sent before the connection closed: it must not be stored.</summary>
    Aborted,
}
