using Microsoft.AspNetCore.Http;

namespace Hybrid.Actions;

/// <summary>
/// Answers what no action endpoint matched: a known id asked with another verb gets 405 with
/// <c>Allow: POST</c>; a known id POSTed here anyway gets 415 (the endpoints accept any media type
/// in routing and judge it themselves, so this is a safety net); anything else 404, all as problem details. "Known" means
/// posted to under that segment, so with opaque ids a readable id is as unknown as a made-up one.
/// None of these answers reads the body.
/// </summary>
internal sealed class ActionFallback(ActionPaths paths)
{
    public Task HandleAsync(HttpContext context)
    {
        var id = context.Request.RouteValues["path"] as string ?? string.Empty;
        var problem = paths.Find(id) is null
            ? OperationProblem.Create(404, ProblemCodes.UnknownAction, "There is no action with this id.")
            : HttpMethods.IsPost(context.Request.Method)
                ? OperationProblem.UnsupportedMediaType("Send the action's arguments as application/json or as an HTML form.")
                : OperationProblem.Create(405, ProblemCodes.MethodNotAllowed, "Actions are called with POST.", "Allow", "POST");
        return ProblemWriter.WriteAsync(context, problem);
    }
}
