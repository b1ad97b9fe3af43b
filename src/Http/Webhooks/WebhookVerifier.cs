using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Hybrid.Http.Webhooks;

/// <summary>
/// Verifies a Standard Webhooks delivery: <c>webhook-id</c>, <c>webhook-timestamp</c> within
/// <see cref="Tolerance"/> of now (either way), and at least one <c>v1,</c> signature in
/// <c>webhook-signature</c> equal (in constant time) to the HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>.
/// </summary>
internal static class WebhookVerifier
{
    public const string IdHeader = "webhook-id";

    public const string TimestampHeader = "webhook-timestamp";

    public const string SignatureHeader = "webhook-signature";

    /// <summary>How far a delivery's timestamp may be from now: the Standard Webhooks recommendation, which bounds replays of a captured delivery.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>Null when the delivery verifies, else why it does not (for the log; the client is told one thing).</summary>
    public static string? Check(HttpRequest request, byte[] secret, ReadOnlySpan<byte> body, DateTimeOffset now, out string id)
    {
        id = string.Empty;
        if (Single(request, IdHeader) is not { Length: > 0 } webhookId)
        {
            return "no webhook-id header";
        }

        id = webhookId;
        if (Single(request, TimestampHeader) is not { } timestamp ||
            !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "no valid webhook-timestamp header";
        }

        var current = now.ToUnixTimeSeconds();
        if (Math.Abs(current - seconds) > (long)Tolerance.TotalSeconds)
        {
            return "webhook-timestamp is more than five minutes from now";
        }

        if (Single(request, SignatureHeader) is not { } signatures)
        {
            return "no webhook-signature header";
        }

        var prefix = Encoding.UTF8.GetBytes(webhookId + "." + timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var expected = HMACSHA256.HashData(secret, signed);
        var candidate = new byte[64];
        foreach (var signature in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (signature.StartsWith("v1,", StringComparison.Ordinal) &&
                Convert.TryFromBase64String(signature[3..], candidate, out var written) &&
                CryptographicOperations.FixedTimeEquals(expected, candidate.AsSpan(0, written)))
            {
                return null;
            }
        }

        return "no webhook-signature matches the body";
    }

    /// <summary>The delivery's <c>webhook-id</c>, as <see cref="Check"/> reads it.</summary>
    public static string? IdOf(HttpRequest request) => Single(request, IdHeader);

    private static string? Single(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count == 1 ? values[0]?.Trim() : null;
}
