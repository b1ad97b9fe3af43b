using Microsoft.AspNetCore.Http;

namespace Hybrid;

/// <summary>
/// Endpoint metadata of an action: how its door sends a plain HTML form the policy refused back to
/// the form's page, with the problem's message to show there (the action door's sealed form state).
/// </summary>
internal abstract class FormRefusal
{
    /// <summary>Answers 303 to <paramref name="page"/>, carrying <paramref name="problem"/> for the page to render.</summary>
    public abstract void Refuse(HttpContext context, OperationProblem problem, string page);
}
