using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hybrid.Http;

/// <summary>Maps the REST door.</summary>
public static class HybridRestEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every REST route in the catalog under <c>{RestPrefix}/v{version}/</c> (one precompiled
    /// endpoint per route, carrying its <see cref="HybridOperation"/> and <see cref="RestRoute"/> as
    /// metadata) and one public document per version at <c>{DocumentsPath}/v{version}.json</c>.
    /// </summary>
    /// <param name="endpoints">The app's endpoint route builder.</param>
    /// <returns>A builder that applies conventions (authorization, CORS, rate limiting, output caching) to all of them.</returns>
    public static IEndpointConventionBuilder MapHybridRest(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var catalog = services.GetRequiredService<OperationCatalog>();
        var options = services.GetRequiredService<IOptions<HybridOptions>>().Value;

        var builders = new List<IEndpointConventionBuilder>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var group = endpoints.MapGroup(options.RestPrefix);
        builders.Add(group);
        foreach (var operation in catalog.Operations)
        {
            foreach (var route in operation.Routes)
            {
                var version = "v" + route.Version.ToString(CultureInfo.InvariantCulture);
                var endpointType = typeof(RestEndpoint<,>).MakeGenericType(operation.RequestType, operation.ResponseType);
                var endpoint = (IDoorEndpoint)Activator.CreateInstance(endpointType, operation, route, catalog, services, options.RestPrefix + "/" + version)!;

                // Endpoint names must be unique app-wide, or routing throws on every request: an operation
                // may have several routes of one method, and two request types may share a simple name.
                var name = $"Hybrid.{version}.{operation.RequestType.Name}.{route.Method}";
                for (var i = 2; !names.Add(name); i++)
                {
                    name = $"Hybrid.{version}.{operation.RequestType.Name}.{route.Method}.{i.ToString(CultureInfo.InvariantCulture)}";
                }

                group.MapMethods("/" + version + "/" + route.Template, [route.Method], (RequestDelegate)endpoint.HandleAsync)
                    .WithDisplayName($"Hybrid REST {route.Method} {options.RestPrefix}/{version}/{route.Template}")
                    .WithName(name)
                    .WithMetadata(
                        operation,
                        route,
                        new ProducesResponseTypeMetadata(route.StatusCode, operation.ReturnsNothing ? null : operation.ResponseType, operation.ReturnsNothing ? null : ["application/json"]));
            }
        }

        foreach (var version in catalog.Versions)
        {
            var document = new DocumentEndpoint(() => RestDocumentBuilder.Build(catalog, options, version));
            builders.Add(endpoints.MapGet(options.DocumentsPath + "/v" + version.ToString(CultureInfo.InvariantCulture) + ".json", (RequestDelegate)document.HandleAsync)
                .WithDisplayName("Hybrid REST document v" + version.ToString(CultureInfo.InvariantCulture))
                .WithMetadata(new ExcludeFromDescriptionAttribute()));
        }

        return new CompositeEndpointConventionBuilder([.. builders]);
    }
}
