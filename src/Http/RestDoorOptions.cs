namespace Hybrid.Http;

/// <summary>
/// The REST door's options: where its versions are served, how large a body may be and which
/// credentials it takes. Reach them with <c>options.Rest()</c> inside <c>AddHybrid(..., options => ...)</c>
/// or <c>Configure&lt;HybridOptions&gt;</c>; checked at start-up.
/// </summary>
public sealed class RestDoorOptions : IDoorOptions
{
    /// <summary>The path prefix of the REST door; versions follow it (<c>/api/v1</c>). Default <c>/api</c>.</summary>
    public string Prefix { get; set; } = "/api";

    /// <summary>
    /// The largest REST request body in bytes; larger ones get 413. Default 1 MiB. An operation's own
    /// <c>[RequestSizeLimit]</c> or <c>[DisableRequestSizeLimit]</c> takes precedence.
    /// </summary>
    public long MaxBodySize { get; set; } = 1024 * 1024;

    /// <summary>
    /// The authentication schemes the REST door accepts for an operation that requires authorization
    /// (e.g. JWT bearer). Empty (the default): the app's default scheme. When they include a cookie
    /// scheme, the REST door also applies the action door's cross-site check to unsafe methods.
    /// </summary>
    public IList<string> AuthenticationSchemes { get; } = new List<string>();

    IEnumerable<HybridConfigurationError> IDoorOptions.Validate()
    {
        if (!HybridOptionsValidator.IsPath(Prefix))
        {
            yield return HybridOptionsValidator.Path("options.Rest().Prefix", Prefix, "/api");
        }

        if (MaxBodySize <= 0)
        {
            yield return HybridOptionsValidator.BodySize("options.Rest().MaxBodySize");
        }
    }
}
