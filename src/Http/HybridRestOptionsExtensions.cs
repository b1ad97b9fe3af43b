using Hybrid;
using Hybrid.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Reaches the REST door's options from <see cref="HybridOptions"/>. It lives beside
/// <c>AddHybrid</c>, so the options lambda in <c>Program.cs</c> needs no <c>using</c>.
/// </summary>
public static class HybridRestOptionsExtensions
{
    /// <summary>
    /// The REST door's options, e.g. <c>options.Rest().Prefix = "/v"</c> or
    /// <c>options.Rest().AuthenticationSchemes.Add("Bearer")</c>; the same instance every time.
    /// </summary>
    /// <param name="options">Hybrid's options.</param>
    /// <returns>The REST door's options.</returns>
    public static RestDoorOptions Rest(this HybridOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Door<RestDoorOptions>();
    }
}
