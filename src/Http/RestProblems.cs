namespace Hybrid.Http;

/// <summary>
/// The one rule for which problems a REST route's document lists: its declared problems, what its
/// binding can refuse, what a stream refuses before its first byte, what its policies and preconditions
/// can refuse, and 500. A status is listed
/// only when the route can answer it.
/// </summary>
internal static class RestProblems
{
    public static OperationProblems For(EndpointSettings endpoint, RestBinding binding, bool ifMatch)
    {
        var problems = new OperationProblems().AddDeclared(endpoint);
        var readsBody = endpoint.ReadsBody;
        if (binding.Route.Count + binding.Query.Count + binding.Body.Count > 0 || readsBody)
        {
            problems.Add(400, ProblemCodes.ValidationFailed, "A value is missing or invalid; 'errors' lists the fields.");
        }

        if (readsBody)
        {
            problems.Add(400, ProblemCodes.InvalidJson, "The body is not well-formed JSON or does not fit the request.")
                .Add(400, ProblemCodes.BadRequest, "The body could not be read.")
                .Add(413, ProblemCodes.PayloadTooLarge, "The body is larger than the route accepts.")
                .Add(415, ProblemCodes.UnsupportedMediaType, "The body's media type is not one the route reads.");
        }

        if (endpoint.Webhook is not null)
        {
            problems.Add(401, ProblemCodes.WebhookSignatureInvalid, "The webhook's signature, timestamp or id headers are missing, stale or do not verify.");
        }

        if (endpoint.ChecksOrigin)
        {
            problems.Add(403, ProblemCodes.CrossSiteRequest, "This API accepts cookies, and the write was posted from another site.");
        }

        if (endpoint.Idempotent is { } idempotent)
        {
            if (idempotent.Required)
            {
                problems.Add(400, ProblemCodes.IdempotencyKeyMissing, "The Idempotency-Key header is missing or invalid.");
            }

            problems.Add(409, ProblemCodes.IdempotencyKeyInUse, "A request with the same Idempotency-Key is still being processed.")
                .Add(422, ProblemCodes.IdempotencyKeyReused, "The Idempotency-Key was used with another payload.");
        }

        if (ifMatch)
        {
            problems.Add(412, ProblemCodes.PreconditionFailed, "If-Match names a version the resource no longer has.");
        }

        return problems.AddStream(endpoint)
            .AddPolicies(endpoint)
            .AddFaults(endpoint);
    }
}
