using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.RateLimiting;

namespace Hybrid;

/// <summary>
/// The guards and opt-outs one endpoint's final metadata states, in the inventory's words and a fixed
/// order: antiforgery (action door), rate limiting as ASP.NET Core's middleware reads it (any
/// <see cref="DisableRateLimitingAttribute"/> wins, else the last <see cref="EnableRateLimitingAttribute"/>),
/// idempotent retries and webhook signatures (REST door).
/// </summary>
internal static class GuardText
{
    public static IEnumerable<string> Of(IReadOnlyList<object> metadata, string door, HybridOptions options)
    {
        if (door == HybridDoors.Action)
        {
            if (AntiforgeryRequirement.Requires(options.RequireAntiforgeryTokens, metadata))
            {
                yield return "antiforgery tokens required";
            }
            else if (metadata.OfType<IAntiforgeryMetadata>().Any(m => !m.RequiresValidation))
            {
                yield return "antiforgery disabled";
            }
        }

        if (metadata.OfType<DisableRateLimitingAttribute>().Any())
        {
            yield return "rate limit disabled";
        }
        else if (metadata.OfType<EnableRateLimitingAttribute>().LastOrDefault() is { } rateLimit)
        {
            yield return "rate limit: " + (rateLimit.PolicyName ?? "(policy object)");
        }

        if (door == HybridDoors.Rest)
        {
            if (metadata.OfType<IdempotentAttribute>().LastOrDefault() is { } idempotent)
            {
                yield return idempotent.Required ? "idempotent (key required)" : "idempotent";
            }

            if (metadata.OfType<StandardWebhookAttribute>().LastOrDefault() is { } webhook)
            {
                yield return "webhook: " + webhook.SecretKey;
            }
        }
    }
}
