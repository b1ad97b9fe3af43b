namespace Hybrid;

/// <summary>
/// Exposes a MediatR request type on the REST door under an HTTP method and a route template,
/// relative to the version group (<c>/api/v{Version}/</c>). Use the derived attributes
/// (<see cref="RestGetAttribute"/>, <see cref="RestPostAttribute"/>, ...).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public abstract class RestRouteAttribute : Attribute, IDoorDeclaration
{
    /// <summary>Creates a route declaration.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="template">The route template; its placeholders name request properties.</param>
    protected RestRouteAttribute(string method, string template)
    {
        Method = method;
        Template = template;
    }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The route template, relative to the version group, e.g. <c>posts/{postId}</c>.</summary>
    public string Template { get; }

    /// <summary>The API version the route belongs to; it lands in the public document <c>v{Version}</c>. Default 1.</summary>
    public int Version { get; set; } = 1;

    /// <summary>
    /// The success status code. 0 (the default) means: 204 when the response is <see cref="MediatR.Unit"/>,
    /// 201 for POST, otherwise 200.
    /// </summary>
    public int StatusCode { get; set; }

    /// <summary>
    /// For 201 responses: the template of the <c>Location</c> header, relative to the version group,
    /// whose placeholders name properties of the response (then of the request), e.g. <c>posts/{postId}/comments/{id}</c>.
    /// </summary>
    public string? Location { get; set; }

    /// <summary>A one-line summary for the public document.</summary>
    public string? Summary { get; set; }

    /// <summary>
    /// Several API versions the same route belongs to (one route, one document per version); when
    /// set, it replaces <see cref="Version"/>.
    /// </summary>
    public int[]? Versions { get; set; }

    /// <summary>
    /// Marks the route deprecated from this date (ISO 8601, e.g. <c>2026-11-01</c>): responses carry
    /// <c>Deprecation</c> (RFC 9745) and the document marks it deprecated.
    /// </summary>
    public string? Deprecated { get; set; }

    /// <summary>With <see cref="Deprecated"/>: the date the route stops answering (ISO 8601), sent as <c>Sunset</c> (RFC 8594).</summary>
    public string? Sunset { get; set; }

    /// <summary>
    /// With <see cref="Deprecated"/>: the successor's template relative to the REST prefix, e.g.
    /// <c>v2/posts/{postId}</c>, sent as <c>Link: &lt;...&gt;; rel="successor-version"</c> with the
    /// request's route values filled in.
    /// </summary>
    public string? Successor { get; set; }

    /// <summary>The REST door: <see cref="HybridDoors.Rest"/>.</summary>
    public string Door => HybridDoors.Rest;
}
