using Microsoft.AspNetCore.Builder;

namespace Hybrid;

/// <summary>
/// Lets a door return one builder for everything it mapped (its endpoints and its document), so a
/// caller's <c>RequireAuthorization()</c> or <c>WithTags()</c> reaches all of them.
/// </summary>
internal sealed class CompositeEndpointConventionBuilder(params IEndpointConventionBuilder[] builders) : IEndpointConventionBuilder
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
