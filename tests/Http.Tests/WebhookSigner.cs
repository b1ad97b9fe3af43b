using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hybrid.Http.Tests;

/// <summary>Signs deliveries as a Standard Webhooks sender does.</summary>
public static class WebhookSigner
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    public static HttpRequestMessage Delivery(string path, string body, string id, DateTimeOffset at, string secret = Secret, string? signature = null)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        message.Headers.Add("webhook-id", id);
        message.Headers.Add("webhook-timestamp", timestamp);
        message.Headers.Add("webhook-signature", signature ?? "v1," + Sign(secret, id, timestamp, Encoding.UTF8.GetBytes(body)));
        return message;
    }

    public static string Sign(string secret, string id, string timestamp, byte[] body)
    {
        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret["whsec_".Length..] : secret);
        return Convert.ToBase64String(HMACSHA256.HashData(key, (byte[])[.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body]));
    }
}
