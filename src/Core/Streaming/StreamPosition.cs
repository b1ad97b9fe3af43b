using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;

namespace Hybrid;

/// <summary>
/// Event ids. A logged stream's id is <c>{log key}.{sequence}</c>, the key 22 random URL-safe
/// characters; a replayed stream's id is the item's position (its cursor, else its sequence number).
/// Ids are ASCII letters, digits and <c>-_.:~</c>, at most 128 characters: nothing that could break
/// an SSE line or a JSON string, whichever door or client carries them.
/// </summary>
internal static class StreamPosition
{
    public const int MaxLength = 128;

    public static string NewKey()
    {
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        return Base64Url.EncodeToString(random);
    }

    public static bool TryParseLogId(string id, out string key, out long sequence)
    {
        (key, sequence) = (string.Empty, 0);
        var dot = id.LastIndexOf('.');
        if (dot != 22 || !IsValid(id) || !long.TryParse(id.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out sequence))
        {
            return false;
        }

        key = id[..dot];
        return true;
    }

    public static bool IsValid(string? position)
    {
        if (string.IsNullOrEmpty(position) || position.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in position)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.' or ':' or '~'))
            {
                return false;
            }
        }

        return true;
    }
}
