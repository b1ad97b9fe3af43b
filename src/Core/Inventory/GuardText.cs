namespace Hybrid;

/// <summary>
/// The guards and opt-outs one endpoint's settings state, in the inventory's words and a fixed
/// order: antiforgery tokens, rate limiting, idempotent retries, webhook signatures, the request timeout, a stream's resume and limits. A door that
/// cannot act on a setting has none of it in its settings, so nothing here asks which door it is.
/// </summary>
internal static class GuardText
{
    public static IEnumerable<string> Of(EndpointSettings settings)
    {
        if (settings.RequiresAntiforgeryToken)
        {
            yield return "antiforgery tokens required";
        }
        else if (settings.AntiforgeryDisabled)
        {
            yield return "antiforgery disabled";
        }

        if (settings.RateLimitDisabled)
        {
            yield return "rate limit disabled";
        }
        else if (settings.RateLimitPolicy is { } policy)
        {
            yield return "rate limit: " + policy;
        }

        if (settings.Idempotent is { } idempotent)
        {
            yield return idempotent.Required ? "idempotent (key required)" : "idempotent";
        }

        if (settings.Webhook is { } webhook)
        {
            yield return "webhook: " + webhook.SecretKey;
        }

        if (settings.Timeout is { } timeout)
        {
            yield return "timeout: " + timeout;
        }

        if (settings.Stream is { } stream)
        {
            yield return "stream: " + stream;
        }
    }
}
