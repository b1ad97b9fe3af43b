namespace Hybrid;

/// <summary>
/// Exposes a MediatR request type on the REST door under an HTTP method and a route template,
/// relative to the version group (<c>/api/v{Version}/</c>). Use the derived attributes
/// (<see cref="RestGetAttribute"/>, <see cref="RestPostAttribute"/>, ...).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public abstract class RestRouteAttribute : Attribute
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
}

/// <summary>Exposes a request type as <c>GET</c>: route values and query parameters bind into the request.</summary>
public sealed class RestGetAttribute : RestRouteAttribute
{
    /// <summary>Declares a GET route.</summary>
    /// <param name="template">The route template.</param>
    public RestGetAttribute(string template) : base("GET", template) { }
}

/// <summary>Exposes a request type as <c>POST</c>: route values and the JSON body bind into the request.</summary>
public sealed class RestPostAttribute : RestRouteAttribute
{
    /// <summary>Declares a POST route.</summary>
    /// <param name="template">The route template.</param>
    public RestPostAttribute(string template) : base("POST", template) { }
}

/// <summary>Exposes a request type as <c>PUT</c>: route values and the JSON body bind into the request.</summary>
public sealed class RestPutAttribute : RestRouteAttribute
{
    /// <summary>Declares a PUT route.</summary>
    /// <param name="template">The route template.</param>
    public RestPutAttribute(string template) : base("PUT", template) { }
}

/// <summary>Exposes a request type as <c>PATCH</c>: route values and the JSON body bind into the request.</summary>
public sealed class RestPatchAttribute : RestRouteAttribute
{
    /// <summary>Declares a PATCH route.</summary>
    /// <param name="template">The route template.</param>
    public RestPatchAttribute(string template) : base("PATCH", template) { }
}

/// <summary>Exposes a request type as <c>DELETE</c>: route values and query parameters bind into the request.</summary>
public sealed class RestDeleteAttribute : RestRouteAttribute
{
    /// <summary>Declares a DELETE route.</summary>
    /// <param name="template">The route template.</param>
    public RestDeleteAttribute(string template) : base("DELETE", template) { }
}
