namespace Hybrid;

/// <summary>Exposes a request type as <c>POST</c>: route values and the JSON body bind into the request.</summary>
public sealed class RestPostAttribute : RestRouteAttribute
{
    /// <summary>Declares a POST route.</summary>
    /// <param name="template">The route template.</param>
    public RestPostAttribute(string template) : base("POST", template) { }
}
