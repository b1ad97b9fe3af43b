using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hybrid;

/// <summary>
/// Maps one door endpoint of an operation, the same way on both doors: the door's own metadata
/// first, then the operation's attribute metadata, then its code conventions (so each later layer
/// wins), and last a convention that hands the metadata to the endpoint, which reads its
/// per-operation settings from it. Finally conventions the app adds after this one run after it;
/// the endpoint catches up with them from the routed endpoint's metadata on its first request.
/// </summary>
internal static class DoorMapping
{
    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder group, string pattern, string method, IDoorEndpoint endpoint, string door, RestRoute? route, params object[] doorMetadata)
    {
        var operation = endpoint.Operation;
        // A GET route answers HEAD too (RFC 9110): the same endpoint, and Kestrel sends no body for HEAD.
        var builder = group.MapMethods(pattern, method == HttpMethods.Get ? [HttpMethods.Get, HttpMethods.Head] : [method], (RequestDelegate)endpoint.HandleAsync);
        builder.WithMetadata(operation, new HybridEndpointMetadata(operation, door, route));
        builder.WithMetadata(doorMetadata);
        builder.WithMetadata([.. operation.Metadata]);
        operation.Conventions.ApplyTo(builder, door);
        if (door == HybridDoors.Rest)
        {
            builder.WithMetadata(NoCookieRedirect.Instance);
            if (method == HttpMethods.Get && operation.Metadata.OfType<ReadCacheAttribute>().LastOrDefault() is { } read)
            {
                builder.CacheOutput(HybridOutputCache.Read(read.DurationSeconds, [.. read.Tags]));
            }
        }

        var options = group.ServiceProvider.GetRequiredService<IOptions<HybridOptions>>().Value;
        builder.Finally(b =>
        {
            // After every Add convention (the app's RequireAuthorization on the door included): the policy is complete.
            DoorSchemes.Apply(b.Metadata, door, options);
            endpoint.Configure([.. b.Metadata]);
        });
        return builder;
    }
}
