using Microsoft.AspNetCore.Builder;

namespace Hybrid;

/// <summary>
/// Declares in code, at start-up, how one request type is exposed. It produces the same operation
/// model as the attributes and adds to them. As an <see cref="IEndpointConventionBuilder"/>, it
/// takes endpoint conventions for every endpoint of the operation on both doors
/// (<c>op.RequireAuthorization("editors")</c>); <see cref="Action"/> and <see cref="Rest"/> take
/// them for one door.
/// </summary>
/// <typeparam name="TRequest">The MediatR request type.</typeparam>
public sealed class OperationBuilder<TRequest> : IEndpointConventionBuilder
{
    private readonly DoorConventionBuilder _all;

    internal OperationBuilder(OperationDeclaration declaration)
    {
        Declaration = declaration;
        _all = declaration.Conventions.Builder(door: null);
    }

    internal OperationDeclaration Declaration { get; }

    /// <summary>
    /// Conventions for the operation's action endpoint only, e.g.
    /// <c>op.Action().WithMetadata(new RequestSizeLimitAttribute(10_000))</c>. It does not expose the
    /// operation as an action (see <see cref="AsAction"/>); conventions for a door the operation is
    /// not on stop the app at start-up (HYB022).
    /// </summary>
    /// <returns>A convention builder for the action endpoint.</returns>
    public DoorConventionBuilder Action() => Declaration.Conventions.Builder(HybridDoors.Action);

    /// <summary>Conventions for the operation's REST endpoints only (every route and version).</summary>
    /// <returns>A convention builder for the REST endpoints.</returns>
    public DoorConventionBuilder Rest() => Declaration.Conventions.Builder(HybridDoors.Rest);

    /// <inheritdoc />
    public void Add(System.Action<EndpointBuilder> convention) => _all.Add(convention);

    /// <inheritdoc />
    public void Finally(System.Action<EndpointBuilder> finallyConvention) => _all.Finally(finallyConvention);

    /// <summary>Exposes the request on the action door.</summary>
    /// <param name="id">The action id; <see langword="null"/> for the request type's name.</param>
    /// <param name="summary">A one-line summary for the actions document.</param>
    /// <returns>This builder.</returns>
    public OperationBuilder<TRequest> AsAction(string? id = null, string? summary = null)
    {
        Declaration.IsAction = true;
        Declaration.ActionId = id ?? Declaration.ActionId;
        Declaration.Summary = summary ?? Declaration.Summary;
        return this;
    }

    /// <summary>Exposes the request on the REST door under a route.</summary>
    /// <param name="method">The HTTP method (GET, POST, PUT, PATCH or DELETE).</param>
    /// <param name="template">The route template, relative to the version group.</param>
    /// <param name="version">The API version. Default 1.</param>
    /// <param name="statusCode">The success status code; 0 for the convention.</param>
    /// <param name="location">For 201 responses, the <c>Location</c> template.</param>
    /// <param name="summary">A one-line summary for the public document.</param>
    /// <returns>This builder.</returns>
    public OperationBuilder<TRequest> Route(string method, string template, int version = 1, int statusCode = 0, string? location = null, string? summary = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(template);
        Declaration.Routes.Add(new RouteDeclaration(method.ToUpperInvariant(), template, version, statusCode, location, summary, "code"));
        return this;
    }

    /// <summary>
    /// Declares a problem the operation can answer, as <see cref="ProducesProblemAttribute"/> does:
    /// its documents list it, and a generated client can branch on its code.
    /// </summary>
    /// <param name="statusCode">The HTTP status, 400 to 599.</param>
    /// <param name="code">The stable machine-readable code.</param>
    /// <param name="description">When the operation answers it, for the document.</param>
    /// <returns>This builder.</returns>
    public OperationBuilder<TRequest> Problem(int statusCode, string code, string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Declaration.Problems.Add(new ProducesProblemAttribute(statusCode, code) { Description = description });
        return this;
    }

    /// <summary>
    /// Deprecates the operation's routes in one version, as <see cref="RestRouteAttribute.Deprecated"/> does:
    /// responses carry <c>Deprecation</c>, <c>Sunset</c> and a successor <c>Link</c>.
    /// </summary>
    /// <param name="version">The API version whose routes are deprecated.</param>
    /// <param name="since">When they were (or will be) deprecated.</param>
    /// <param name="sunset">When they stop answering, if decided.</param>
    /// <param name="successor">The successor's template relative to the REST prefix, e.g. <c>v2/posts/{postId}</c>.</param>
    /// <returns>This builder.</returns>
    public OperationBuilder<TRequest> Deprecate(int version, DateOnly since, DateOnly? sunset = null, string? successor = null)
    {
        Declaration.Deprecations.Add((version, since, sunset, successor));
        return this;
    }

    /// <summary>Exposes the request as <c>GET</c> under a route.</summary>
    /// <param name="template">The route template.</param>
    /// <param name="version">The API version.</param>
    /// <returns>This builder.</returns>
    public OperationBuilder<TRequest> Get(string template, int version = 1) => Route("GET", template, version);

    /// <summary>Exposes the request as <c>POST</c> under a route (201 by default).</summary>
    /// <param name="template">The route template.</param>
    /// <param name="version">The API version.</param>
    /// <param name="location">The <c>Location</c> template for the 201 response.</param>
    /// <returns>This builder.</returns>
    public OperationBuilder<TRequest> Post(string template, int version = 1, string? location = null) => Route("POST", template, version, location: location);

    /// <summary>Exposes the request as <c>PUT</c> under a route.</summary>
    /// <param name="template">The route template.</param>
    /// <param name="version">The API version.</param>
    /// <returns>This builder.</returns>
    public OperationBuilder<TRequest> Put(string template, int version = 1) => Route("PUT", template, version);

    /// <summary>Exposes the request as <c>PATCH</c> under a route.</summary>
    /// <param name="template">The route template.</param>
    /// <param name="version">The API version.</param>
    /// <returns>This builder.</returns>
    public OperationBuilder<TRequest> Patch(string template, int version = 1) => Route("PATCH", template, version);

    /// <summary>Exposes the request as <c>DELETE</c> under a route.</summary>
    /// <param name="template">The route template.</param>
    /// <param name="version">The API version.</param>
    /// <returns>This builder.</returns>
    public OperationBuilder<TRequest> Delete(string template, int version = 1) => Route("DELETE", template, version);
}
