using Hybrid;
using Hybrid.Http;
using Hybrid.Http.Idempotency;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Routing;

/// <summary>
/// Maps the REST door. It lives in this namespace, as <c>MapIdentityApi</c> does, so
/// <c>Program.cs</c> needs no <c>using</c> for it.
/// </summary>
public static class HybridRestEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every REST route in the catalog under <c>{RestPrefix}/v{version}/</c> (one precompiled
    /// endpoint per route, carrying its <see cref="HybridOperation"/>, <see cref="RestRoute"/>,
    /// <see cref="HybridEndpointMetadata"/> and the operation's own metadata) and one public document
    /// per version at <c>{DocumentsPath}/v{version}.json</c>.
    /// </summary>
    /// <param name="endpoints">The app's endpoint route builder.</param>
    /// <returns>
    /// A builder that applies conventions (authorization, CORS, rate limiting, output caching) to every
    /// route and the fallback but not to the documents, which a policy on the door never locks; it
    /// reaches one operation's routes with <see cref="HybridEndpointConventionBuilder.ForOperation{TRequest}"/>
    /// and the documents with <see cref="HybridEndpointConventionBuilder.Documents"/>.
    /// </returns>
    public static HybridEndpointConventionBuilder MapHybridRest(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        if (DoorPrerequisites.Read(endpoints, nameof(MapHybridRest), RestDoor.Instance) is not { } ready)
        {
            return new HybridEndpointConventionBuilder(HybridDoors.Rest, [], [], new Dictionary<Type, List<IEndpointConventionBuilder>>(), incomplete: true);
        }

        var (catalog, options, _) = ready;
        var door = options.Rest();
        var traits = RestDoor.Traits(door);
        var builders = new List<IEndpointConventionBuilder>();
        var byOperation = new Dictionary<Type, List<IEndpointConventionBuilder>>();
        var mapped = new List<HybridEndpointMetadata>();
        var group = endpoints.MapGroup(door.Prefix);
        builders.Add(group);
        var fallback = new RestFallback();

        // One store for every route: the in-memory one's limit bounds the door's records together.
        var idempotency = new Lazy<IIdempotencyStore>(() => IdempotencyStores.Resolve(services));
        foreach (var operation in catalog.Operations)
        {
            foreach (var route in operation.Routes)
            {
                var hybrid = new HybridEndpointMetadata(operation, traits, route.Method, route, route.ToString()) { ReadsBody = !route.BindsQuery };
                var endpoint = new LazyDoorEndpoint(operation, () => (IDoorEndpoint)Activator.CreateInstance(
                    typeof(RestEndpoint<,>).MakeGenericType(operation.RequestType, operation.ResponseType), hybrid, catalog, services, door.Prefix + "/" + route.DocumentName, idempotency)!);
                var builder = DoorMapping.Map(
                    group,
                    "/" + route.DocumentName + "/" + route.Template,
                    endpoint,
                    hybrid,
                    route,
                    NoCookieRedirect.Instance,
                    StreamResponders.Produces(operation, route.StatusCode, jsonLines: true));
                builder.WithDisplayName($"Hybrid REST {route.Method} {door.Prefix}/{route.DocumentName}/{route.Template}")
                    .WithName(route.EndpointName);
                if (!byOperation.TryGetValue(operation.RequestType, out var list))
                {
                    byOperation[operation.RequestType] = list = [];
                }

                list.Add(builder);
                mapped.Add(hybrid);
                fallback.Add(route.DocumentName + "/" + route.Template, route.Method);
            }
        }

        group.MapFallback("{**path}", fallback.HandleAsync)
            .WithDisplayName("Hybrid REST fallback (404, 405, OPTIONS)")
            .WithMetadata(new ExcludeFromDescriptionAttribute());

        var documents = new List<IEndpointConventionBuilder>();
        foreach (var version in catalog.Versions)
        {
            var name = RestRoute.DocumentNameOf(version);
            var document = new DocumentEndpoint(() => RestDocumentBuilder.Build(catalog, options, door.Prefix, traits, version, mapped, services));
            var documentBuilder = endpoints.MapGet(options.DocumentsPath + "/" + name + ".json", (RequestDelegate)document.HandleAsync)
                .WithDisplayName("Hybrid REST document " + name)
                .WithMetadata(new ExcludeFromDescriptionAttribute(), NoCookieRedirect.Instance);

            // A policy the app puts on the documents authenticates as the door's routes do.
            documentBuilder.Finally(b => DoorSchemes.Apply(b.Metadata, traits));
            documents.Add(documentBuilder);
            services.GetRequiredService<MappedDoors>().AddDocument(new MappedDocument(name, IsPublic: true, () => document.Bytes));
        }

        return new HybridEndpointConventionBuilder(HybridDoors.Rest, builders, documents, byOperation, incomplete: catalog.Errors.Count > 0 || catalog.Doors.Errors.Count > 0);
    }
}
