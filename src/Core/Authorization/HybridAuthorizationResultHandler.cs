using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Hybrid;

/// <summary>
/// How Hybrid's endpoints answer a request their policy refused: a door that answers refusals its
/// own way puts a <see cref="RefusalAnswer"/> on its endpoints (the action door sends a browser's
/// plain form to the sign-in page or back to its page, and gives scripts a bare 401 or 403, never a
/// redirect they cannot follow); otherwise the schemes' challenge or forbid answers (a REST caller
/// gets <c>WWW-Authenticate</c>). Either way the problem body follows unless the door answered.
/// Problems carry the <c>code</c> every other refusal has (<c>unauthorized</c>, <c>forbidden</c>).
/// Other endpoints are left to the app's handler.
/// </summary>
internal sealed class HybridAuthorizationResultHandler(IAuthorizationMiddlewareResultHandler inner) : IAuthorizationMiddlewareResultHandler
{
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var hybrid = context.GetEndpoint()?.Metadata.GetMetadata<HybridEndpointMetadata>();
        if (hybrid is null || authorizeResult.Succeeded || !(authorizeResult.Challenged || authorizeResult.Forbidden))
        {
            await inner.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
            return;
        }

        if (context.GetEndpoint()?.Metadata.GetMetadata<RefusalAnswer>() is { } answer)
        {
            if (await answer.AnswerAsync(context, policy, authorizeResult).ConfigureAwait(false))
            {
                return;
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
            StatusCodes.Status401Unauthorized => RefusalAnswer.Unauthorized,
            StatusCodes.Status403Forbidden => RefusalAnswer.Forbidden,
            _ => null,
        };
        if (problem is not null)
        {
            await ProblemWriter.WriteAsync(context, problem).ConfigureAwait(false);
        }
    }
}
