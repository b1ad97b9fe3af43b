using Microsoft.AspNetCore.Http;

namespace Hybrid.Actions;

/// <summary>Reads what a failed plain form post left for the page it came back to.</summary>
public static class HybridFormStateExtensions
{
    /// <summary>
    /// The state of the form that just failed, or null: after a plain HTML form post to an action
    /// fails with a validation or handler problem, the door answers 303 back to the form's page and
    /// leaves this state in a short-lived, Data-Protection-protected cookie (a state too large for a
    /// cookie is kept in the app's <c>IDistributedCache</c>, the cookie naming where). Reading it deletes
    /// the cookie and the kept state, so a reload shows a clean form; within one request it can be read
    /// any number of times.
    /// </summary>
    /// <param name="context">The current request (the page being rendered).</param>
    /// <param name="actionId">Only return the state if it belongs to this action.</param>
    /// <returns>The state, or null.</returns>
    public static HybridFormState? GetHybridFormState(this HttpContext context, string? actionId = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!FormStateCookie.TryCached(context, out var state))
        {
            state = FormStateCookie.From(context.RequestServices)?.Read(context);
        }

        return state is not null && (actionId is null || string.Equals(state.ActionId, actionId, StringComparison.OrdinalIgnoreCase)) ? state : null;
    }
}
