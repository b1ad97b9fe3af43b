using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Hybrid;

/// <summary>
/// How Hybrid's endpoints answer a request their policy refused, by who is asking:
/// <list type="bullet">
/// <item>a plain HTML form posted to an action (no JavaScript) by a signed-out user gets the scheme's
/// own answer, e.g. a cookie scheme's redirect to its login page, with the page that held the form as
/// the return URL; a signed-in user who may not goes back to that page with the reason as the form's message;</item>
/// <item>a script calling an action gets a 401 or 403 problem and never a redirect it cannot follow;</item>
/// <item>a REST caller gets the schemes' challenge (<c>WWW-Authenticate</c>) and the problem body.</item>
/// </list>
/// Problems carry the <c>code</c> every other refusal has (<c>unauthorized</c>, <c>forbidden</c>).
/// Other endpoints are left to the app's handler.
/// </summary>
internal sealed class HybridAuthorizationResultHandler(IAuthorizationMiddlewareResultHandler inner) : IAuthorizationMiddlewareResultHandler
{
    private static readonly OperationProblem Forbidden = OperationProblem.Create(403, ProblemCodes.Forbidden, "You are not allowed to do this.");

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var hybrid = context.GetEndpoint()?.Metadata.GetMetadata<HybridEndpointMetadata>();
        if (hybrid is null || authorizeResult.Succeeded || !(authorizeResult.Challenged || authorizeResult.Forbidden))
        {
            await inner.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
            return;
        }

        if (hybrid.Traits.AnswersPlainForms)
        {
            if (PlainForm.IsPlain(context.Request))
            {
                if (authorizeResult.Forbidden && context.GetEndpoint()?.Metadata.GetMetadata<FormRefusal>() is { } refusal)
                {
                    // Signed in, but not allowed: back to the form with the reason, not to a scheme's access-denied page.
                    refusal.Refuse(context, Forbidden, FormPage(context.Request));
                    return;
                }

                await AnswerFormAsync(context, policy, authorizeResult.Challenged).ConfigureAwait(false);
                if (context.Response.StatusCode is >= 300 and < 400 || context.Response.HasStarted)
                {
                    return;
                }
            }

            context.Response.StatusCode = authorizeResult.Challenged ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        }
        else
        {
            await inner.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
        }

        if (context.Response.HasStarted)
        {
            return;
        }

        var problem = context.Response.StatusCode switch
        {
            StatusCodes.Status401Unauthorized => OperationProblem.Create(401, ProblemCodes.Unauthorized, "Sign in, or send a credential this endpoint accepts."),
            StatusCodes.Status403Forbidden => Forbidden,
            _ => null,
        };
        if (problem is not null)
        {
            await ProblemWriter.WriteAsync(context, problem).ConfigureAwait(false);
        }
    }

    /// <summary>Challenges (or forbids) with each of the policy's schemes, asking to come back to the form's page afterwards.</summary>
    private static async Task AnswerFormAsync(HttpContext context, AuthorizationPolicy policy, bool challenge)
    {
        var properties = new AuthenticationProperties { RedirectUri = FormPage(context.Request) };
        if (policy.AuthenticationSchemes.Count == 0)
        {
            await (challenge ? context.ChallengeAsync(properties) : context.ForbidAsync(properties)).ConfigureAwait(false);
            return;
        }

        foreach (var scheme in policy.AuthenticationSchemes)
        {
            await (challenge ? context.ChallengeAsync(scheme, properties) : context.ForbidAsync(scheme, properties)).ConfigureAwait(false);
        }
    }

    /// <summary>The page that posted the form (a same-origin Referer), else the site's root: never another host.</summary>
    private static string FormPage(HttpRequest request) => PlainForm.SameOriginReferer(request) ?? "/";
}
