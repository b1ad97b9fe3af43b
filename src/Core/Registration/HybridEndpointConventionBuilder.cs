using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Hybrid;

/// <summary>
/// What a door's <c>Map...</c> call returns: conventions added to it (<c>RequireAuthorization</c>,
/// <c>RequireRateLimiting</c>, <c>WithTags</c>...) reach every endpoint of the door's operations (and
/// its fallback), but not its documents, which <see cref="Documents"/> reaches;
/// <see cref="ForOperation{TRequest}"/> reaches one operation's endpoints on that door.
/// </summary>
public sealed class HybridEndpointConventionBuilder : IEndpointConventionBuilder
{
    private readonly Many _all;
    private readonly IReadOnlyDictionary<Type, List<IEndpointConventionBuilder>> _byOperation;
    private readonly string _door;
    private readonly bool _incomplete;
    private readonly List<Action<EndpointBuilder>> _conventions = [];
    private readonly List<Action<EndpointBuilder>> _finallyConventions = [];

    internal HybridEndpointConventionBuilder(
        string door,
        IReadOnlyList<IEndpointConventionBuilder> all,
        IReadOnlyList<IEndpointConventionBuilder> documents,
        IReadOnlyDictionary<Type, List<IEndpointConventionBuilder>> byOperation,
        bool incomplete = false)
    {
        _door = door;
        _incomplete = incomplete;
        _all = new Many(all);
        Documents = new Many(documents);
        _byOperation = byOperation;
    }

    /// <summary>
    /// The door's documents (<c>actions.json</c>, or every <c>v{N}.json</c>): conventions added to the
    /// door do not reach them, so a policy on the REST door never locks its public documents. Add one
    /// here to protect them (<c>Documents.RequireAuthorization("partners")</c>), or to open the actions
    /// document to anyone (<c>Documents.AllowAnonymous()</c>); authorization put here replaces the
    /// actions document's own check (see <c>options.Actions().PublicDocument</c>).
    /// </summary>
    public IEndpointConventionBuilder Documents { get; }

    /// <summary>The endpoints this door mapped for one operation (its action, or every REST route of it).</summary>
    /// <typeparam name="TRequest">The operation's request type.</typeparam>
    /// <returns>A builder whose conventions reach only those endpoints.</returns>
    /// <exception cref="InvalidOperationException">The operation is not exposed on this door.</exception>
    public IEndpointConventionBuilder ForOperation<TRequest>() => ForOperation(typeof(TRequest));

    /// <summary>The endpoints this door mapped for one operation.</summary>
    /// <param name="requestType">The operation's request type.</param>
    /// <returns>A builder whose conventions reach only those endpoints.</returns>
    /// <exception cref="InvalidOperationException">The operation is not exposed on this door.</exception>
    public IEndpointConventionBuilder ForOperation(Type requestType)
    {
        ArgumentNullException.ThrowIfNull(requestType);

        // With configuration problems the door mapped only what it could; the start-up report names them, not this call.
        return _byOperation.TryGetValue(requestType, out var builders) ? new Many(builders)
            : _incomplete ? new Many([])
            : throw new InvalidOperationException($"{requestType.FullName} is not exposed on the {_door} door, so it has no endpoint to configure there.");
    }

    /// <inheritdoc />
    public void Add(Action<EndpointBuilder> convention)
    {
        _all.Add(convention);
        _conventions.Add(convention);
    }

    /// <inheritdoc />
    public void Finally(Action<EndpointBuilder> finallyConvention)
    {
        _all.Finally(finallyConvention);
        _finallyConventions.Add(finallyConvention);
    }

    /// <summary>
    /// The metadata the conventions added to the door so far give an endpoint that had none: what the
    /// actions document reads as the door's policy. They run on a builder of their own, never on an
    /// endpoint that serves anything.
    /// </summary>
    internal IReadOnlyList<object> DoorMetadata()
    {
        var scratch = new ScratchEndpointBuilder();
        foreach (var convention in _conventions.Concat(_finallyConventions))
        {
            convention(scratch);
        }

        return [.. scratch.Metadata];
    }

    private sealed class ScratchEndpointBuilder : EndpointBuilder
    {
        public override Endpoint Build() => throw new NotSupportedException("Only reads the door's conventions.");
    }

    private sealed class Many(IReadOnlyList<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            foreach (var builder in builders)
            {
                builder.Add(convention);
            }
        }

        public void Finally(Action<EndpointBuilder> finallyConvention)
        {
            foreach (var builder in builders)
            {
                builder.Finally(finallyConvention);
            }
        }
    }
}
