using Microsoft.AspNetCore.Builder;

namespace Hybrid;

/// <summary>
/// Declares in code, at start-up, how one request type is exposed. It produces the same operation
/// model as the attributes and adds to them. As an <see cref="IEndpointConventionBuilder"/>, it
/// takes endpoint conventions for every endpoint of the operation on every door
/// (<c>op.RequireAuthorization("editors")</c>); <see cref="On"/> takes them for one door. Each door's
/// package adds its own methods (<c>op.AsAction()</c>, <c>op.Get("posts")</c>, <c>op.Rest()</c>).
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
    /// Conventions for the operation's endpoints on one door only; each door's package names its own
    /// (<c>op.Action()</c>, <c>op.Rest()</c>). Conventions for a door the operation is not on stop the
    /// app at start-up (HYB022).
    /// </summary>
    /// <param name="door">The door's name, as in <c>hybrid.door</c>.</param>
    /// <returns>A convention builder for that door's endpoints.</returns>
    public DoorConventionBuilder On(string door)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(door);
        return Declaration.Conventions.Builder(door);
    }

    /// <summary>Adds what the operation declares for a door (each door's package offers its own methods: <c>AsAction()</c>, <c>Get(...)</c>).</summary>
    /// <param name="declaration">The declaration; its door reads it when the app maps that door.</param>
    /// <returns>This builder.</returns>
    public OperationBuilder<TRequest> Declare(IDoorDeclaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        Declaration.Declarations.Add(declaration);
        return this;
    }

    /// <inheritdoc />
    public void Add(System.Action<EndpointBuilder> convention) => _all.Add(convention);

    /// <inheritdoc />
    public void Finally(System.Action<EndpointBuilder> finallyConvention) => _all.Finally(finallyConvention);

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
    /// Declares a stream operation's settings, as <see cref="StreamingAttribute"/> does (the last
    /// declaration wins): how it resumes, its heartbeat and its limits, on every door.
    /// </summary>
    /// <param name="configure">Sets the values; one left at 0 takes the app's default (<c>HybridOptions.Streams</c>).</param>
    /// <returns>This builder.</returns>
    public OperationBuilder<TRequest> Streaming(System.Action<StreamingAttribute> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var settings = new StreamingAttribute();
        configure(settings);
        Add(endpoint => endpoint.Metadata.Add(settings));
        return this;
    }
}
