namespace Hybrid;

/// <summary>Exposes a request type as <c>PATCH</c>: route values and the JSON body bind into the request.</summary>
public sealed class RestPatchAttribute : RestRouteAttribute
{
    /// <summary>Declares a PATCH route.</summary>
    /// <param name="template">The route template.</param>
    public RestPatchAttribute(string template) : base("PATCH", template) { }
}
