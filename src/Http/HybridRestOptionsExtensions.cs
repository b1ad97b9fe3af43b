using Hybrid.Http;

namespace Hybrid;

/// <summary>Reaches the REST door's options from <see cref="HybridOptions"/>.</summary>
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
