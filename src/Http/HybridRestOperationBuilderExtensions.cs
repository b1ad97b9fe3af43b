using Hybrid;
using Hybrid.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The REST door's declarations in code, on <c>options.Expose&lt;T&gt;(op =&gt; ...)</c>, as the route
/// attributes declare them. They live beside <c>AddHybrid</c>, so <c>Program.cs</c> needs no <c>using</c>.
/// </summary>
public static class HybridRestOperationBuilderExtensions
{
    /// <summary>Conventions for the operation's REST endpoints only (every route and version); HYB022 when it has no route.</summary>
    /// <typeparam name="TRequest">The request type.</typeparam>
    /// <param name="operation">The operation's builder.</param>
    /// <returns>A convention builder for the REST endpoints.</returns>
    public static DoorConventionBuilder Rest<TRequest>(this OperationBuilder<TRequest> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.On(RestDoor.Instance.Name);
    }

    /// <summary>Exposes the request on the REST door under a route.</summary>
    /// <typeparam name="TRequest">The request type.</typeparam>
    /// <param name="operation">The operation's builder.</param>
    /// <param name="method">The HTTP method (GET, POST, PUT, PATCH or DELETE).</param>
    /// <param name="template">The route template, relative to the version group.</param>
    /// <param name="version">The API version. Default 1.</param>
    /// <param name="statusCode">The success status code; 0 for the convention.</param>
    /// <param name="location">For 201 responses, the <c>Location</c> template.</param>
    /// <param name="summary">A one-line summary for the public document.</param>
    /// <returns>The builder.</returns>
    public static OperationBuilder<TRequest> Route<TRequest>(this OperationBuilder<TRequest> operation, string method, string template, int version = 1, int statusCode = 0, string? location = null, string? summary = null)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(template);
        return operation.Declare(new RouteDeclaration(method.ToUpperInvariant(), template, version, statusCode, location, summary, "code"));
    }

    /// <summary>
    /// Deprecates the operation's routes in one version, as <see cref="RestRouteAttribute.Deprecated"/> does:
    /// responses carry <c>Deprecation</c>, <c>Sunset</c> and a successor <c>Link</c>.
    /// </summary>
    /// <typeparam name="TRequest">The request type.</typeparam>
    /// <param name="operation">The operation's builder.</param>
    /// <param name="version">The API version whose routes are deprecated.</param>
    /// <param name="since">When they were (or will be) deprecated.</param>
    /// <param name="sunset">When they stop answering, if decided.</param>
    /// <param name="successor">The successor's template relative to the REST prefix, e.g. <c>v2/posts/{postId}</c>.</param>
    /// <returns>The builder.</returns>
    public static OperationBuilder<TRequest> Deprecate<TRequest>(this OperationBuilder<TRequest> operation, int version, DateOnly since, DateOnly? sunset = null, string? successor = null)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.Declare(new RestVersionDeprecation(version, since, sunset, successor));
    }

    /// <summary>Exposes the request as <c>GET</c> under a route.</summary>
    /// <typeparam name="TRequest">The request type.</typeparam>
    /// <param name="operation">The operation's builder.</param>
    /// <param name="template">The route template.</param>
    /// <param name="version">The API version.</param>
    /// <returns>The builder.</returns>
    public static OperationBuilder<TRequest> Get<TRequest>(this OperationBuilder<TRequest> operation, string template, int version = 1) => operation.Route("GET", template, version);

    /// <summary>Exposes the request as <c>POST</c> under a route (201 by default).</summary>
    /// <typeparam name="TRequest">The request type.</typeparam>
    /// <param name="operation">The operation's builder.</param>
    /// <param name="template">The route template.</param>
    /// <param name="version">The API version.</param>
    /// <param name="location">The <c>Location</c> template for the 201 response.</param>
    /// <returns>The builder.</returns>
    public static OperationBuilder<TRequest> Post<TRequest>(this OperationBuilder<TRequest> operation, string template, int version = 1, string? location = null) => operation.Route("POST", template, version, location: location);

    /// <summary>Exposes the request as <c>PUT</c> under a route.</summary>
    /// <typeparam name="TRequest">The request type.</typeparam>
    /// <param name="operation">The operation's builder.</param>
    /// <param name="template">The route template.</param>
    /// <param name="version">The API version.</param>
    /// <returns>The builder.</returns>
    public static OperationBuilder<TRequest> Put<TRequest>(this OperationBuilder<TRequest> operation, string template, int version = 1) => operation.Route("PUT", template, version);

    /// <summary>Exposes the request as <c>PATCH</c> under a route.</summary>
    /// <typeparam name="TRequest">The request type.</typeparam>
    /// <param name="operation">The operation's builder.</param>
    /// <param name="template">The route template.</param>
    /// <param name="version">The API version.</param>
    /// <returns>The builder.</returns>
    public static OperationBuilder<TRequest> Patch<TRequest>(this OperationBuilder<TRequest> operation, string template, int version = 1) => operation.Route("PATCH", template, version);

    /// <summary>Exposes the request as <c>DELETE</c> under a route.</summary>
    /// <typeparam name="TRequest">The request type.</typeparam>
    /// <param name="operation">The operation's builder.</param>
    /// <param name="template">The route template.</param>
    /// <param name="version">The API version.</param>
    /// <returns>The builder.</returns>
    public static OperationBuilder<TRequest> Delete<TRequest>(this OperationBuilder<TRequest> operation, string template, int version = 1) => operation.Route("DELETE", template, version);
}
