using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Hybrid;

/// <summary>
/// Endpoint metadata a door adds when it answers a request its authorization policy refused in its
/// own way before the problem body (the action door: a browser's plain form goes to the sign-in page,
/// or back to its page with the reason). Without it, the scheme's own challenge or forbid answers.
/// </summary>
internal abstract class RefusalAnswer
{
    /// <summary>The problem a forbidden caller is told, whichever way it is told.</summary>
    public static readonly OperationProblem Forbidden = OperationProblem.Create(403, ProblemCodes.Forbidden, "You are not allowed to do this.");

    /// <summary>The problem a caller without an accepted credential is told.</summary>
    public static readonly OperationProblem Unauthorized = OperationProblem.Create(401, ProblemCodes.Unauthorized, "Sign in, or send a credential this endpoint accepts.");

    /// <summary>
    /// Answers the refusal; <see langword="true"/> when the answer is complete (a redirect), else the
    /// status is left for the problem body that follows.
    /// </summary>
    public abstract Task<bool> AnswerAsync(HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result);
}
