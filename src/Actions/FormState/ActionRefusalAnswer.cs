using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Hybrid.Actions;

/// <summary>
/// How the action door answers a request its policy refused. A browser's plain form (no JavaScript)
/// from a signed-out user gets the scheme's own answer, e.g. a cookie scheme's redirect to its login
/// page with the form's page as the return URL; a signed-in user who may not goes back to that page
/// with the refusal as the form's message, as a handler's expected failure would (nothing the user
/// typed is read or echoed: the request was refused before its body). A script gets a bare 401 or
/// 403 for the problem body, never a redirect it cannot follow.
/// </summary>
internal sealed class ActionRefusalAnswer(FormStateCookie? cookie, string actionId) : RefusalAnswer
{
    public override async Task<bool> AnswerAsync(HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (!PlainForm.IsPlain(context.Request))
        {
            return false;
        }

        var page = PlainForm.SameOriginReferer(context.Request) ?? "/";
        if (result.Forbidden && cookie is not null)
        {
            // Signed in, but not allowed: back to the form with the reason, not to a scheme's access-denied page.
            var problem = Forbidden;
            await cookie.WriteAsync(context, new HybridFormState(actionId, new Dictionary<string, string[]>(), new Dictionary<string, string[]>(), problem.Detail ?? problem.Code, problem.Code), context.RequestAborted).ConfigureAwait(false);
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = page;
            return true;
        }

        // Challenges (or forbids) with each of the policy's schemes, asking to come back to the form's page afterwards.
        var properties = new AuthenticationProperties { RedirectUri = page };
        if (policy.AuthenticationSchemes.Count == 0)
        {
            await (result.Challenged ? context.ChallengeAsync(properties) : context.ForbidAsync(properties)).ConfigureAwait(false);
        }
        else
        {
            foreach (var scheme in policy.AuthenticationSchemes)
            {
                await (result.Challenged ? context.ChallengeAsync(scheme, properties) : context.ForbidAsync(scheme, properties)).ConfigureAwait(false);
            }
        }

        return context.Response.StatusCode is >= 300 and < 400 || context.Response.HasStarted;
    }
}
