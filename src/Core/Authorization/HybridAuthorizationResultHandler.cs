using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Hybrid;

/// <summary>
/// Lets ASP.NET Core's authorization middleware challenge and forbid as the app configured it, then,
/// for Hybrid's endpoints only, gives a bare 401 or 403 the problem body every other refusal has
/// (<c>code</c> <c>unauthorized</c> or <c>forbidden</c>). A redirect (a cookie scheme sending a
/// browser to its login page) is left as it is.
/// </summary>
internal sealed class HybridAuthorizationResultHandler(IAuthorizationMiddlewareResultHandler inner) : IAuthorizationMiddlewareResultHandler
{
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        await inner.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
        if (authorizeResult.Succeeded || context.Response.HasStarted || context.GetEndpoint()?.Metadata.GetMetadata<HybridEndpointMetadata>() is null)
        {
            return;
        }

        var problem = context.Response.StatusCode switch
        {
            StatusCodes.Status401Unauthorized => OperationProblem.Create(401, ProblemCodes.Unauthorized, "Sign in, or send a credential this endpoint accepts."),
            StatusCodes.Status403Forbidden => OperationProblem.Create(403, ProblemCodes.Forbidden, "You are not allowed to do this."),
            _ => null,
        };
        if (problem is not null)
        {
            await ProblemWriter.WriteAsync(context, problem).ConfigureAwait(false);
        }
    }
}
