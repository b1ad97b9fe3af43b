namespace Hybrid;

/// <summary>
/// Declares that the operation's REST POST route receives Standard Webhooks
/// (<c>https://www.standardwebhooks.com</c>): before the body is bound or the handler runs, the
/// door checks <c>webhook-id</c>, <c>webhook-timestamp</c> (at most five minutes away from now)
/// and <c>webhook-signature</c> (<c>v1,</c> and the base64 HMAC-SHA256 of
/// <c>{id}.{timestamp}.{body}</c>) against the secret read from configuration, and answers 401
/// <see cref="ProblemCodes.WebhookSignatureInvalid"/> when any of them fails. A <c>webhook-id</c>
/// already processed successfully is answered with the route's success status and not handled again.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class StandardWebhookAttribute : Attribute
{
    /// <summary>Declares the configuration key that holds the signing secret.</summary>
    /// <param name="secretKey">
    /// The configuration key of the secret (e.g. <c>"Blog:WebhookSecret"</c>), whose value is
    /// <c>whsec_</c> followed by base64, or plain base64. It is read on every request, so a
    /// rotated or reloaded secret applies without a restart.
    /// </param>
    public StandardWebhookAttribute(string secretKey) => SecretKey = secretKey;

    /// <summary>The configuration key of the signing secret.</summary>
    public string SecretKey { get; }
}
