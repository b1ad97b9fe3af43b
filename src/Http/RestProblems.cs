namespace Hybrid.Http;

/// <summary>
/// The one rule for which problems a REST route's document lists: its declared problems, what its
/// binding can refuse, what its policies and preconditions can refuse, and 500. A status is listed
/// only when the route can answer it.
/// </summary>
internal static class RestProblems
{
    public static OperationProblems For(IDoorEndpoint endpoint, RestRoute route, RestBinding binding, IdempotentAttribute? idempotent, bool ifMatch)
    {
        var problems = new OperationProblems().AddDeclared(endpoint.Operation);
        var readsBody = !route.BindsQuery;
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

        if (idempotent is not null)
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

        return problems.AddPolicies(endpoint.Metadata)
            .Add(500, ProblemCodes.InternalError, "Unexpected error; the problem carries a trace id only.");
    }
}
