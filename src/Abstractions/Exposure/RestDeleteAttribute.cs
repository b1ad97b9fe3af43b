namespace Hybrid;

/// <summary>Exposes a request type as <c>DELETE</c>: route values and query parameters bind into the request.</summary>
public sealed class RestDeleteAttribute : RestRouteAttribute
{
    /// <summary>Declares a DELETE route.</summary>
    /// <param name="template">The route template.</param>
    public RestDeleteAttribute(string template) : base("DELETE", template) { }
}
