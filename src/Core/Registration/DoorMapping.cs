using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hybrid;

/// <summary>
/// Maps one door endpoint of an operation, the same way on every door: the door's own metadata
/// first, then the operation's attribute metadata, then its code conventions (so each later layer
/// wins). The endpoint reads nothing here: its settings are resolved from the final metadata, after
/// every convention the app adds later too (<see cref="EndpointSettingsStore"/>).
/// </summary>
internal static class DoorMapping
{
    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder group, string pattern, IDoorEndpoint endpoint, HybridEndpointMetadata hybrid, params object[] doorMetadata)
    {
        var operation = hybrid.Operation;
        var method = hybrid.Method;

        // A GET route answers HEAD too (RFC 9110): the same endpoint, and Kestrel sends no body for HEAD.
        var builder = group.MapMethods(pattern, method == HttpMethods.Get ? [HttpMethods.Get, HttpMethods.Head] : [method], (RequestDelegate)endpoint.HandleAsync);
        builder.WithMetadata(operation, hybrid);
        builder.WithMetadata(doorMetadata);
        builder.WithMetadata([.. operation.Metadata]);
        operation.Conventions.ApplyTo(builder, hybrid.Door);
        builder.Finally(b =>
        {
            // After every Add convention (the app's RequireAuthorization on the door included): the policy is complete.
            DoorSchemes.Apply(b.Metadata, hybrid.Traits);

            // A stream's life is bounded by its MaxDuration, not by the app's default request timeout; one the operation states itself is HYB098.
            if (operation.IsStream && !b.Metadata.Any(m => m is Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutAttribute or Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutPolicy))
            {
                b.Metadata.Add(new Microsoft.AspNetCore.Http.Timeouts.DisableRequestTimeoutAttribute());
            }

            // Output caching finds its policy in the endpoint's metadata; the policy reads the cache from the settings.
            if (hybrid.Traits.CachesReads && method == HttpMethods.Get && b.Metadata.Any(m => m is ReadCacheAttribute))
            {
                b.Metadata.Add(new SettingsReadCachePolicy(hybrid));
            }
        });
        return builder;
    }
}
