using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;

namespace Hybrid;

/// <summary>
/// The request timeout ASP.NET Core's <c>RequestTimeouts</c> middleware applies to one endpoint, read
/// from its final metadata exactly as the middleware reads it (a <see cref="RequestTimeoutPolicy"/>
/// first, then the last <see cref="RequestTimeoutAttribute"/>, then the app's default policy;
/// <see cref="DisableRequestTimeoutAttribute"/> turns it off), so the documents and the start-up
/// checks say what the middleware will do. The middleware stays the one that cancels.
/// </summary>
/// <param name="Duration">How long the operation may run.</param>
/// <param name="Policy">The named policy it came from, or <see langword="null"/>.</param>
/// <param name="StatusCode">The status of the answer when it runs out: the policy's, else 504.</param>
internal sealed record EndpointTimeout(TimeSpan Duration, string? Policy, int StatusCode)
{
    /// <summary>
    /// The endpoint's timeout, or <see langword="null"/> when none applies; <paramref name="unknownPolicy"/>
    /// names a policy the attribute asks for that the options do not hold (the middleware would throw on
    /// every request).
    /// </summary>
    public static EndpointTimeout? Of(RequestTimeoutAttribute? attribute, RequestTimeoutPolicy? policy, bool disabled, RequestTimeoutOptions options, out string? unknownPolicy)
    {
        unknownPolicy = null;
        if (disabled)
        {
            return null;
        }

        string? name = null;
        TimeSpan? duration = null;
        var selected = policy;
        if (selected is null && attribute is not null)
        {
            if (attribute.Timeout is { } fixedTimeout)
            {
                duration = fixedTimeout;
            }
            else if (!options.Policies.TryGetValue(attribute.PolicyName!, out selected))
            {
                unknownPolicy = attribute.PolicyName;
                return null;
            }
            else
            {
                name = attribute.PolicyName;
            }
        }
        else if (selected is null)
        {
            selected = options.DefaultPolicy;
            name = selected is null ? null : "default";
        }

        duration ??= selected?.Timeout;
        return duration is not { } d || d == Timeout.InfiniteTimeSpan
            ? null
            : new EndpointTimeout(d, name, selected?.TimeoutStatusCode ?? StatusCodes.Status504GatewayTimeout);
    }

    /// <summary>As the inventory and the settings' text show it: <c>5s</c>, <c>30s (policy slow)</c>.</summary>
    public override string ToString() =>
        Duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s" + (Policy is null ? string.Empty : $" (policy {Policy})");
}
