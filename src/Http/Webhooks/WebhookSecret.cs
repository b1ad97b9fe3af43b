namespace Hybrid.Http.Webhooks;

/// <summary>A Standard Webhooks signing secret: <c>whsec_</c> and base64, or plain base64.</summary>
internal static class WebhookSecret
{
    private const string Prefix = "whsec_";

    /// <summary>The secret's key bytes, or null when the value is missing or not base64.</summary>
    public static byte[]? Read(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            text = text[Prefix.Length..];
        }

        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var written) && written > 0 ? bytes[..written] : null;
    }
}
