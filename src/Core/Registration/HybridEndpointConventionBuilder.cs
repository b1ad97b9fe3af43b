using Microsoft.AspNetCore.Builder;

namespace Hybrid;

/// <summary>
/// What a door's <c>Map...</c> call returns: conventions added to it (<c>RequireAuthorization</c>,
/// <c>RequireRateLimiting</c>, <c>WithTags</c>...) reach everything the door mapped, and
/// <see cref="ForOperation{TRequest}"/> reaches one operation's endpoints on that door.
/// </summary>
public sealed class HybridEndpointConventionBuilder : IEndpointConventionBuilder
{
    private readonly Many _all;
    private readonly IReadOnlyDictionary<Type, List<IEndpointConventionBuilder>> _byOperation;
    private readonly string _door;

    internal HybridEndpointConventionBuilder(string door, IReadOnlyList<IEndpointConventionBuilder> all, IReadOnlyDictionary<Type, List<IEndpointConventionBuilder>> byOperation)
    {
        _door = door;
        _all = new Many(all);
        _byOperation = byOperation;
    }

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
        return _byOperation.TryGetValue(requestType, out var builders)
            ? new Many(builders)
            : throw new InvalidOperationException($"{requestType.FullName} is not exposed on the {_door} door, so it has no endpoint to configure there.");
    }

    /// <inheritdoc />
    public void Add(Action<EndpointBuilder> convention) => _all.Add(convention);

    /// <inheritdoc />
    public void Finally(Action<EndpointBuilder> finallyConvention) => _all.Finally(finallyConvention);

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
