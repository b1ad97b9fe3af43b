using Microsoft.AspNetCore.Http;

namespace Hybrid.Actions;

/// <summary>
/// Sends a signed-in user whose plain form an action's policy forbids back to the form's page with
/// the refusal as the form's message, as a handler's expected failure would be. Nothing the user
/// typed is read or echoed: the request was refused before its body.
/// </summary>
internal sealed class ActionFormRefusal(FormStateCookie cookie, string actionId) : FormRefusal
{
    public override void Refuse(HttpContext context, OperationProblem problem, string page)
    {
        cookie.Write(context, new HybridFormState(actionId, new Dictionary<string, string>(), new Dictionary<string, string[]>(), problem.Detail ?? problem.Code, problem.Code));
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = page;
    }
}
