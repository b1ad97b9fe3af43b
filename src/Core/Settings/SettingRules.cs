using System.Globalization;
using System.Text.RegularExpressions;

namespace Hybrid;

/// <summary>
/// The rules a per-operation setting's own values must keep, whichever way it was declared: the
/// catalog applies them to attributes, <see cref="EndpointChecks"/> to metadata that conventions
/// added, so one mistake has one id and one message.
/// </summary>
internal static partial class SettingRules
{
    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProblemCodePattern();

    public static IEnumerable<HybridConfigurationError> Idempotent(string name, IdempotentAttribute idempotent)
    {
        if (idempotent.ExpirySeconds < 1)
        {
            yield return new("HYB036", $"{name} declares [Idempotent(ExpirySeconds = {idempotent.ExpirySeconds.ToString(CultureInfo.InvariantCulture)})]. Fix: keep stored responses for at least one second (the default is 86,400, a day).");
        }
    }

    public static HybridConfigurationError IdempotentWithoutWrite(string name) =>
        new("HYB035", $"{name} is marked idempotent but no endpoint of it takes an Idempotency-Key: only a POST or PATCH route of a door that replays retries does. Fix: remove [Idempotent] (or the metadata added in code), or expose the operation with a POST or PATCH route and declare it there.");

    public static IEnumerable<HybridConfigurationError> Webhook(string name, StandardWebhookAttribute webhook)
    {
        if (string.IsNullOrWhiteSpace(webhook.SecretKey))
        {
            yield return new("HYB037", $"{name} declares [StandardWebhook] without a configuration key for its secret. Fix: name the key, e.g. [StandardWebhook(\"Blog:WebhookSecret\")].");
        }
    }

    public static HybridConfigurationError WebhookWithoutPost(string name) =>
        new("HYB037", $"{name} declares [StandardWebhook] but reaches no POST route of a door that verifies signatures; Standard Webhooks are delivered with POST. Fix: expose it with a POST route and declare the webhook there.");

    public static HybridConfigurationError WebhookOnUnverifiedDoor(string name, string door) =>
        new("HYB038", $"{name} declares [StandardWebhook] and is also on the {door} door, which does not verify signatures, so it would let unsigned calls through. Fix: take it off the {door} door (a webhook is a signed POST route only), or declare the webhook for the door that verifies it (its op.On(...) conventions).");

    public static IEnumerable<HybridConfigurationError> Revalidates(string name, HybridOperation operation, IEnumerable<string> targets) =>
        Revalidates(name, operation.RequestType, operation.ResponseType, targets);

    public static IEnumerable<HybridConfigurationError> Revalidates(string name, Type request, Type response, IEnumerable<string> targets)
    {
        foreach (var target in targets)
        {
            if (string.IsNullOrWhiteSpace(target))
            {
                yield return new("HYB050", $"{name} declares an empty [Revalidates] target. Fix: name a tag (\"post:{{postId}}\") or a path (\"/posts/{{postId}}\").");
                continue;
            }

            StaleTemplate.Parse(target, request, response, out var unknown);
            if (unknown is not null)
            {
                yield return new("HYB050", $"{name} declares the stale target '{target}', whose placeholder {{{unknown}}} names no property of {request.Name}{(response == typeof(MediatR.Unit) ? string.Empty : $" (or, after 'result.', of {response.Name})")}. Fix: name a request property, or 'result.<property>' of the handler's result.");
            }
        }
    }

    public static HybridConfigurationError RevalidatesOnlyReads(string name) =>
        new("HYB052", $"{name} declares [Revalidates] only on GET endpoints; a read makes nothing stale, so it would never run. Fix: declare it on the operation's writes (POST, PUT, PATCH, DELETE or its action), or remove it.");

    public static IEnumerable<HybridConfigurationError> ReadCache(string name, RequestShape shape, ReadCacheAttribute read)
    {
        if (read.DurationSeconds < 1)
        {
            yield return new("HYB051", $"{name} declares [ReadCache] with {read.DurationSeconds.ToString(CultureInfo.InvariantCulture)} s. Fix: give a duration of at least 1 second.");
        }

        foreach (var tag in read.Tags)
        {
            foreach (var placeholder in StaleTemplate.Placeholders(tag))
            {
                if (shape.Find(placeholder) is null)
                {
                    yield return new("HYB050", $"{name} declares the read-cache tag '{tag}', whose placeholder {{{placeholder}}} names no property of {shape.Type.Name}. Fix: name a route or query member of the request.");
                }
            }
        }
    }

    public static HybridConfigurationError ReadCacheWithoutGet(string name) =>
        new("HYB051", $"{name} declares [ReadCache] but reaches no GET route of a door that caches reads, the only endpoints whose answers are cached. Fix: give it a GET route, declare the cache for that door only (its op.On(...) conventions, or ForOperation<T>() on its Map call), or remove it.");

    public static HybridConfigurationError ReadCacheOverridden(string name, string endpoint) =>
        new("HYB053", $"{name} declares [ReadCache] on {endpoint} together with another output-cache declaration (CacheOutput, [OutputCache]), or in a Finally convention that runs after the door wired the cache, so one of them would silently not apply. Fix: keep one cache declaration, added with WithMetadata or an attribute.");

    public static IEnumerable<HybridConfigurationError> Problems(string name, IReadOnlyList<ProducesProblemAttribute> problems)
    {
        foreach (var problem in problems)
        {
            if (problem.StatusCode is < 400 or > 599 || problem.Code is null || !ProblemCodePattern().IsMatch(problem.Code))
            {
                yield return new("HYB027", $"{name} declares the problem {problem.StatusCode.ToString(CultureInfo.InvariantCulture)} '{problem.Code}'. Fix: use a status from 400 to 599 and a code of lower-case letters, digits and '_' (e.g. 404 \"post_not_found\").");
            }
        }

        foreach (var twice in problems.GroupBy(p => p.Code, StringComparer.Ordinal).Where(g => g.Select(p => p.StatusCode).Distinct().Count() > 1))
        {
            yield return new("HYB028", $"{name} declares the code '{twice.Key}' with several statuses ({string.Join(", ", twice.Select(p => p.StatusCode).Distinct())}). Fix: one code means one status; give the others their own code.");
        }
    }
}
