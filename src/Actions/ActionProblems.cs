namespace Hybrid.Actions;

/// <summary>
/// Which problems an action's document lists: its declared problems, what the action door refuses
/// before the handler (arguments, origin, antiforgery when the action checks tokens, size, media
/// type), what a stream refuses before its first byte, what its policies refuse, and 500.
/// </summary>
internal static class ActionProblems
{
    public static OperationProblems For(EndpointSettings endpoint)
    {
        var problems = new OperationProblems().AddDeclared(endpoint)
            .Add(400, ProblemCodes.ValidationFailed, "An argument is missing or invalid; 'errors' lists the fields.")
            .Add(400, ProblemCodes.InvalidJson, "The body is not well-formed JSON or does not fit the arguments.")
            .Add(400, ProblemCodes.BadRequest, "The body could not be read.");
        if (endpoint.RequiresAntiforgeryToken)
        {
            problems.Add(400, ProblemCodes.AntiforgeryFailed, "The antiforgery token is missing or wrong.");
        }

        return problems
            .Add(403, ProblemCodes.CrossSiteRequest, "Posted from another site.")
            .Add(413, ProblemCodes.PayloadTooLarge, "The body is larger than the action accepts.")
            .Add(415, ProblemCodes.UnsupportedMediaType, "The arguments are neither JSON nor a form.")
            .AddStream(endpoint)
            .AddPolicies(endpoint)
            .AddFaults(endpoint);
    }
}
