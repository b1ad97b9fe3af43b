namespace Hybrid;

/// <summary>Exposes a request type as <c>PUT</c>: route values and the JSON body bind into the request.</summary>
public sealed class RestPutAttribute : RestRouteAttribute
{
    /// <summary>Declares a PUT route.</summary>
    /// <param name="template">The route template.</param>
    public RestPutAttribute(string template) : base("PUT", template) { }
}
