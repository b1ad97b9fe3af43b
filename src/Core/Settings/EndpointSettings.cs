using System.Globalization;
using System.Text;

namespace Hybrid;

/// <summary>
/// Every per-operation setting of one door endpoint, resolved once from the endpoint's final
/// metadata (attributes on the request type and handler, <c>Expose</c> conventions, the door's and
/// the app's conventions, <c>ForOperation</c>) by <see cref="EndpointSettingsResolver"/>, and locked
/// after start-up. The endpoint, both documents, the exposure inventory, the output-cache wiring and
/// the start-up checks read this object and nothing else, so a setting means the same whichever way
/// it was declared. A setting the endpoint cannot act on (a read cache on a POST, a webhook on a GET)
/// is not in it; <see cref="EndpointChecks"/> reports one that acts on no endpoint of its operation.
/// </summary>
internal sealed class EndpointSettings
{
    /// <summary>The operation the endpoint runs.</summary>
    public required HybridOperation Operation { get; init; }

    /// <summary>The door that mapped the endpoint.</summary>
    public required DoorTraits Door { get; init; }

    /// <summary>The endpoint as its door mapped it: what of the door's exposure it serves.</summary>
    public required HybridEndpointMetadata Endpoint { get; init; }

    /// <summary>The HTTP method the endpoint answers (HEAD rides along with GET).</summary>
    public required string Method { get; init; }

    /// <summary>The final metadata, kept for what documents only describe (summary, description, tags).</summary>
    public required IReadOnlyList<object> Metadata { get; init; }

    /// <summary>Who may call the endpoint.</summary>
    public required EndpointAuthorization Authorization { get; init; }

    /// <summary>Whether a request must carry a valid antiforgery token.</summary>
    public bool RequiresAntiforgeryToken { get; init; }

    /// <summary>Whether the endpoint opted out of tokens the door would otherwise check.</summary>
    public bool AntiforgeryDisabled { get; init; }

    /// <summary>Whether the cross-site origin check runs before the body is read.</summary>
    public bool ChecksOrigin { get; init; }

    /// <summary>The largest body the endpoint reads, or <see langword="null"/> for no limit.</summary>
    public long? BodyLimit { get; init; }

    /// <summary>The most file parts one request may upload.</summary>
    public int MaxFiles { get; init; }

    /// <summary>The endpoint's idempotent retries, or <see langword="null"/> when it takes no <c>Idempotency-Key</c>.</summary>
    public IdempotentAttribute? Idempotent { get; init; }

    /// <summary>The Standard Webhooks verification, or <see langword="null"/>.</summary>
    public StandardWebhookAttribute? Webhook { get; init; }

    /// <summary>The declared stale targets, in order.</summary>
    public IReadOnlyList<string> Revalidates { get; init; } = [];

    /// <summary>What a success makes stale, or <see langword="null"/> when nothing can be.</summary>
    public OperationRevalidation? Revalidation { get; init; }

    /// <summary>The read cache of a GET, or <see langword="null"/>.</summary>
    public ReadCacheAttribute? ReadCache { get; init; }

    /// <summary>The output-cache policy of <see cref="ReadCache"/>.</summary>
    public ReadCachePolicy? ReadCachePolicy { get; init; }

    /// <summary>The rate limiting policy the middleware applies (<c>(policy object)</c> for an unnamed one), or <see langword="null"/>.</summary>
    public string? RateLimitPolicy { get; init; }

    /// <summary>Whether the endpoint opted out of rate limiting.</summary>
    public bool RateLimitDisabled { get; init; }

    /// <summary>The request timeout the <c>RequestTimeouts</c> middleware applies, or <see langword="null"/>.</summary>
    public EndpointTimeout? Timeout { get; init; }

    /// <summary>A timeout policy the endpoint names that the app's <c>RequestTimeoutOptions</c> lack, or <see langword="null"/>.</summary>
    public string? UnknownTimeoutPolicy { get; init; }

    /// <summary>A stream operation's settings (resume, heartbeat, limits), or <see langword="null"/> for a request answered once.</summary>
    public StreamSettings? Stream { get; init; }

    /// <summary>The problems the endpoint declares, attributes and code, in order.</summary>
    public IReadOnlyList<ProducesProblemAttribute> Problems { get; init; } = [];

    /// <summary>Whether the endpoint reads a request body (its door says, when it maps it).</summary>
    public bool ReadsBody => Endpoint.ReadsBody;

    /// <summary>
    /// Every setting as one line of text, in a fixed order: what the tests compare when a setting is
    /// declared in different ways, and what a debugger shows.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Door.Name).Append(' ').Append(Method).Append(' ').Append(Endpoint.Display)
            .Append(" | auth: ").Append(Authorization)
            .Append(" | antiforgery: ").Append(RequiresAntiforgeryToken ? "required" : AntiforgeryDisabled ? "disabled" : "off")
            .Append(" | origin: ").Append(ChecksOrigin)
            .Append(" | body: ").Append(BodyLimit?.ToString(CultureInfo.InvariantCulture) ?? "unlimited")
            .Append(" | files: ").Append(MaxFiles.ToString(CultureInfo.InvariantCulture))
            .Append(" | idempotent: ").Append(Idempotent is { } i ? $"required={i.Required}, expiry={i.ExpirySeconds.ToString(CultureInfo.InvariantCulture)}" : "no")
            .Append(" | webhook: ").Append(Webhook?.SecretKey ?? "no")
            .Append(" | revalidates: ").Append(string.Join(" ", Revalidates))
            .Append(" | read cache: ").Append(ReadCache is { } r ? $"{r.DurationSeconds.ToString(CultureInfo.InvariantCulture)}s {string.Join(" ", r.Tags)}" : "no")
            .Append(" | rate limit: ").Append(RateLimitDisabled ? "disabled" : RateLimitPolicy ?? "no")
            .Append(" | timeout: ").Append(Timeout?.ToString() ?? "no")
            .Append(" | stream: ").Append(Stream?.ToString() ?? "no")
            .Append(" | problems: ").Append(string.Join(" ", Problems.Select(p => p.StatusCode.ToString(CultureInfo.InvariantCulture) + ":" + p.Code)));
        return text.ToString();
    }
}
