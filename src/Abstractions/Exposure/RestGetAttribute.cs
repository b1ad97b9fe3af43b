namespace Hybrid;

/// <summary>Exposes a request type as <c>GET</c>: route values and query parameters bind into the request.</summary>
public sealed class RestGetAttribute : RestRouteAttribute
{
    /// <summary>Declares a GET route.</summary>
    /// <param name="template">The route template.</param>
    public RestGetAttribute(string template) : base("GET", template) { }
}
