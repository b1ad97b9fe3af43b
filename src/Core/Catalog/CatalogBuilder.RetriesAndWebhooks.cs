namespace Hybrid;

/// <summary>The checks of idempotent retries, webhooks and raw request members (HYB035-HYB039).</summary>
internal static partial class CatalogBuilder
{
    /// <summary>The method rule of <see cref="IdempotentAttribute"/>: only these routes store and replay responses.</summary>
    internal static bool TakesIdempotencyKey(string method) => method is "POST" or "PATCH";

    /// <summary>HYB035 for metadata added in code: raised when the endpoints are built, as the attribute's is at start-up.</summary>
    internal static void CheckIdempotentEndpoint(HybridOperation operation, IEnumerable<object> metadata)
    {
        if (metadata.OfType<IdempotentAttribute>().Any() && !operation.Routes.Any(r => TakesIdempotencyKey(r.Method)))
        {
            throw new HybridConfigurationException([IdempotentWithoutWrite(Name(operation.RequestType))]);
        }
    }

    private static HybridConfigurationError IdempotentWithoutWrite(string name) =>
        new("HYB035", $"{name} is marked idempotent but has no REST POST or PATCH route, the only routes that take an Idempotency-Key. Fix: remove [Idempotent] (or the metadata added in code), or expose the operation with [RestPost]/[RestPatch].");

    /// <content>The checks, run with the operation's other checks.</content>
    private sealed partial class OperationCheck
    {
        private void CheckRetriesAndWebhooks(IReadOnlyList<object> metadata, List<RestRoute> routes, bool isAction)
        {
            if (metadata.OfType<IdempotentAttribute>().LastOrDefault() is { } idempotent)
            {
                if (!routes.Any(r => TakesIdempotencyKey(r.Method)))
                {
                    var error = IdempotentWithoutWrite(_name);
                    Add(error.Id, error.Message);
                }

                if (idempotent.ExpirySeconds < 1)
                {
                    Add("HYB036", $"{_name} declares [Idempotent(ExpirySeconds = {idempotent.ExpirySeconds})]. Fix: keep stored responses for at least one second (the default is 86,400, a day).");
                }
            }

            if (metadata.OfType<StandardWebhookAttribute>().LastOrDefault() is { } webhook)
            {
                if (string.IsNullOrWhiteSpace(webhook.SecretKey))
                {
                    Add("HYB037", $"{_name} declares [StandardWebhook] without a configuration key for its secret. Fix: name the key, e.g. [StandardWebhook(\"Blog:WebhookSecret\")].");
                }

                if (!routes.Any(r => r.Method == "POST"))
                {
                    Add("HYB037", $"{_name} declares [StandardWebhook] but has no REST POST route; Standard Webhooks are delivered with POST. Fix: expose it with [RestPost].");
                }

                if (isAction)
                {
                    Add("HYB038", $"{_name} declares [StandardWebhook] and is also an action; the action door does not verify signatures, so it would let unsigned calls through. Fix: remove [Action] (a webhook is a REST route only).");
                }
            }

            foreach (var member in _type.GetProperties().Where(p => p.PropertyType == typeof(HybridRawRequest)))
            {
                if (isAction)
                {
                    Add("HYB038", $"{_name}.{member.Name} is a HybridRawRequest, which only the REST door fills, but {_name} is also an action. Fix: remove [Action], or the member.");
                }

                if (member.SetMethod is not { IsPublic: true } || routes.Any(r => r.BindsQuery))
                {
                    Add("HYB039", $"{_name}.{member.Name} is a HybridRawRequest without a public setter, or on an operation with a GET or DELETE route, which reads no body. Fix: give it a setter or 'init', and expose the operation with POST, PUT or PATCH only.");
                }
            }
        }
    }
}
