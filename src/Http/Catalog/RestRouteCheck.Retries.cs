namespace Hybrid.Http;

/// <summary>The checks of idempotent retries, webhooks and raw request members, which only routes can act on (HYB035-HYB039).</summary>
internal sealed partial class RestRouteCheck
{
    private void CheckRetriesAndWebhooks(IReadOnlyList<object> metadata, List<RestRoute> routes, bool isAction)
    {
        if (metadata.OfType<IdempotentAttribute>().LastOrDefault() is { } idempotent)
        {
            if (!routes.Any(r => EndpointSettingsResolver.TakesIdempotencyKey(r.Method)))
            {
                errors.Add(SettingRules.IdempotentWithoutWrite(_name));
            }

            errors.AddRange(SettingRules.Idempotent(_name, idempotent));
        }

        if (metadata.OfType<StandardWebhookAttribute>().LastOrDefault() is { } webhook)
        {
            errors.AddRange(SettingRules.Webhook(_name, webhook));
            if (!routes.Any(r => r.Method == "POST"))
            {
                errors.Add(SettingRules.WebhookWithoutPost(_name));
            }

            if (isAction)
            {
                errors.Add(SettingRules.WebhookOnUnverifiedDoor(_name, HybridDoors.Action));
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
