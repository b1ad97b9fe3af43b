using Hybrid;
using Hybrid.Actions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Reaches the action door's options from <see cref="HybridOptions"/>. It lives beside
/// <c>AddHybrid</c>, so the options lambda in <c>Program.cs</c> needs no <c>using</c>.
/// </summary>
public static class HybridActionsOptionsExtensions
{
    /// <summary>
    /// The action door's options, e.g. <c>options.Actions().MaxBodySize = 10_000_000</c> or
    /// <c>options.Actions().AuthenticationSchemes.Add("Cookies")</c>; the same instance every time.
    /// </summary>
    /// <param name="options">Hybrid's options.</param>
    /// <returns>The action door's options.</returns>
    public static ActionDoorOptions Actions(this HybridOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Door<ActionDoorOptions>();
    }
}
