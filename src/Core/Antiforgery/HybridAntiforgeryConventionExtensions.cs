using Hybrid;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Turns the action door's antiforgery tokens on for the endpoints a builder configures.</summary>
public static class HybridAntiforgeryConventionExtensions
{
    /// <summary>
    /// Makes the actions this builder configures (<c>op.Action()</c>, <c>ForOperation&lt;T&gt;()</c> or
    /// the whole <c>MapHybridActions()</c>) require an antiforgery token on top of the origin check.
    /// A later <c>DisableAntiforgery()</c> on the same endpoints turns it off again.
    /// </summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static TBuilder RequireAntiforgeryToken<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(endpoint => endpoint.Metadata.Add(new RequiresAntiforgeryTokenAttribute()));
        return builder;
    }
}
