using Hybrid;
using Hybrid.Actions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The action door's declarations in code, on <c>options.Expose&lt;T&gt;(op =&gt; ...)</c>. They live beside
/// <c>AddHybrid</c>, so the options lambda in <c>Program.cs</c> needs no <c>using</c>.
/// </summary>
public static class HybridActionsOperationBuilderExtensions
{
    /// <summary>Exposes the request on the action door, as <see cref="ActionAttribute"/> does; code wins where both name a value.</summary>
    /// <typeparam name="TRequest">The request type.</typeparam>
    /// <param name="operation">The operation's builder.</param>
    /// <param name="id">The action id; <see langword="null"/> for the request type's name (or the attribute's id).</param>
    /// <param name="summary">A one-line summary for the actions document.</param>
    /// <returns>The builder.</returns>
    public static OperationBuilder<TRequest> AsAction<TRequest>(this OperationBuilder<TRequest> operation, string? id = null, string? summary = null)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.Declare(id is null ? new ActionAttribute { Summary = summary } : new ActionAttribute(id) { Summary = summary });
    }

    /// <summary>
    /// Conventions for the operation's action endpoint only, e.g.
    /// <c>op.Action().WithMetadata(new RequestSizeLimitAttribute(10_000))</c>. It does not expose the
    /// operation as an action (see <see cref="AsAction"/>); conventions for a door the operation is
    /// not on stop the app at start-up (HYB022).
    /// </summary>
    /// <typeparam name="TRequest">The request type.</typeparam>
    /// <param name="operation">The operation's builder.</param>
    /// <returns>A convention builder for the action endpoint.</returns>
    public static DoorConventionBuilder Action<TRequest>(this OperationBuilder<TRequest> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.On(ActionDoor.Instance.Name);
    }
}
