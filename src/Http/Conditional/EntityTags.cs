using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Hybrid.Http;

/// <summary>
/// Strong entity tags (RFC 9110 section 8.8.3) and the two preconditions the REST door judges:
/// <c>If-None-Match</c> on reads (weak comparison, as the RFC asks) and <c>If-Match</c> on writes
/// (strong comparison).
/// </summary>
internal static class EntityTags
{
    /// <summary>A tag for the exact bytes of a representation: the first 16 bytes of their SHA-256, base64url.</summary>
    public static string FromBody(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(body, hash);
        return Quote(Base64Url(hash[..16]));
    }

    /// <summary>A tag for a declared resource version; anything that is not a plain token is hashed, so the tag stays valid.</summary>
    public static string FromVersion(object? version)
    {
        var text = version switch
        {
            null => string.Empty,
            byte[] bytes => Base64Url(bytes),
            DateTimeOffset date => date.UtcTicks.ToString(CultureInfo.InvariantCulture),
            DateTime date => date.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => version.ToString() ?? string.Empty,
        };
        if (text.Length is > 0 and <= 128 && text.All(c => c is > (char)0x20 and < (char)0x7F and not '"'))
        {
            return Quote(text);
        }

        return FromBody(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>True when <c>If-None-Match</c> names the tag (or is <c>*</c>): the client's copy is current.</summary>
    public static bool NoneMatchFails(StringValues ifNoneMatch, string tag) => Matches(ifNoneMatch, tag, strong: false);

    /// <summary>True when <c>If-Match</c> is present and names neither the tag nor <c>*</c>.</summary>
    public static bool MatchFails(StringValues ifMatch, string? currentTag) =>
        currentTag is null || !Matches(ifMatch, currentTag, strong: true);

    private static bool Matches(StringValues header, string tag, bool strong)
    {
        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(tag);
        foreach (var candidate in tags)
        {
            if (candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(current, useStrongComparison: strong))
            {
                return true;
            }
        }

        return false;
    }

    private static string Quote(string value) => "\"" + value + "\"";

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
