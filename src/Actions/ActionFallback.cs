using Microsoft.AspNetCore.Http;

namespace Hybrid.Actions;

/// <summary>
/// Answers what no action endpoint matched: a known id asked with another verb gets 405 with
/// <c>Allow: POST</c>, anything else 404, both as problem details.
/// </summary>
internal sealed class ActionFallback(OperationCatalog catalog)
{
    public Task HandleAsync(HttpContext context)
    {
        var id = context.Request.RouteValues["path"] as string ?? string.Empty;
        var problem = catalog.FindAction(id) is not null
            ? OperationProblem.Create(405, ProblemCodes.MethodNotAllowed, "Actions are called with POST.", "Allow", "POST")
            : OperationProblem.Create(404, ProblemCodes.UnknownAction, "There is no action with this id.");
        return ProblemWriter.WriteAsync(context, problem);
    }
}
