using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Hybrid.Http.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> header and what a key is checked against: the cache key (the caller,
/// the route and the key, hashed) and the payload's fingerprint (SHA-256 over method, path, query and body).
/// </summary>
internal static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    public const string ReplayedHeader = "Idempotent-Replayed";

    public const int MaxLength = 255;

    /// <summary>
    /// Reads the key: one header value of 1 to 255 printable ASCII characters (spaces inside allowed, as the draft's structured-field string allows them; no quote or backslash), bare or as the draft's
    /// quoted structured-field string.
    /// </summary>
    public static bool TryRead(StringValues values, out string key)
    {
        key = string.Empty;
        if (values.Count != 1 || values[0] is not { } text)
        {
            return false;
        }

        text = text.Trim();
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            text = text[1..^1];
        }

        if (text.Length is 0 or > MaxLength || text.Any(c => c is < ' ' or > '~' or '"' or '\\'))
        {
            return false;
        }

        key = text;
        return true;
    }

    /// <summary>The cache key: the caller (the user's NameIdentifier or name, else anonymous), the route and the key.</summary>
    public static string CacheKey(HttpContext context, string route, string key)
    {
        var user = context.User;
        var caller = user.Identity is { IsAuthenticated: true } identity
            ? "user:" + (user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? identity.Name ?? string.Empty)
            : "anonymous";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(caller + "\n" + route + "\n" + key));
        return "hybrid:idempotency:" + Convert.ToHexString(hash);
    }

    public static byte[] Fingerprint(HttpRequest request, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(request.Method + "\n" + request.PathBase + request.Path + "\n" + request.QueryString + "\n"));
        hash.AppendData(body);
        return hash.GetHashAndReset();
    }
}
