using Microsoft.AspNetCore.Http;

namespace Hybrid.Actions;

/// <summary>
/// Answers what no action endpoint matched: a known id asked with another verb gets 405 with
/// <c>Allow: POST</c>; a known id POSTed with a body the endpoint's accepts metadata refuses (routing
/// then skips the endpoint) gets 415; anything else 404, all as problem details.
/// </summary>
internal sealed class ActionFallback(OperationCatalog catalog)
{
    public Task HandleAsync(HttpContext context)
    {
        var id = context.Request.RouteValues["path"] as string ?? string.Empty;
        var problem = catalog.FindAction(id) is null
            ? OperationProblem.Create(404, ProblemCodes.UnknownAction, "There is no action with this id.")
            : HttpMethods.IsPost(context.Request.Method)
                ? OperationProblem.UnsupportedMediaType("Send the action's arguments as application/json or as an HTML form.")
                : OperationProblem.Create(405, ProblemCodes.MethodNotAllowed, "Actions are called with POST.", "Allow", "POST");
        return ProblemWriter.WriteAsync(context, problem);
    }
}
