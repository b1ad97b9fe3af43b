using Microsoft.AspNetCore.Builder;

namespace Hybrid;

/// <summary>
/// Collects endpoint conventions for one operation's endpoints, on one door or on both, declared at
/// start-up. Every ASP.NET Core extension of <see cref="IEndpointConventionBuilder"/> works on it
/// (<c>RequireAuthorization</c>, <c>RequireRateLimiting</c>, <c>CacheOutput</c>, <c>WithMetadata</c>,
/// <c>WithTags</c>...).
/// </summary>
public sealed class DoorConventionBuilder : IEndpointConventionBuilder
{
    private readonly Action<Action<EndpointBuilder>> _add;
    private readonly Action<Action<EndpointBuilder>> _finally;

    internal DoorConventionBuilder(Action<Action<EndpointBuilder>> add, Action<Action<EndpointBuilder>> finallyConvention)
    {
        _add = add;
        _finally = finallyConvention;
    }

    /// <inheritdoc />
    public void Add(Action<EndpointBuilder> convention)
    {
        ArgumentNullException.ThrowIfNull(convention);
        _add(convention);
    }

    /// <inheritdoc />
    public void Finally(Action<EndpointBuilder> finallyConvention)
    {
        ArgumentNullException.ThrowIfNull(finallyConvention);
        _finally(finallyConvention);
    }
}
