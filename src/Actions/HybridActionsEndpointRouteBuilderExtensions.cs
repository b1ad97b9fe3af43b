using Hybrid;
using Hybrid.Actions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Routing;

/// <summary>
/// Maps the action door. It lives in this namespace, as <c>MapIdentityApi</c> does, so
/// <c>Program.cs</c> needs no <c>using</c> for it.
/// </summary>
public static class HybridActionsEndpointRouteBuilderExtensions
{
    /// <summary>
    /// What an action reads, then <c>*/*</c>: routing sends a request with no Content-Type only to an
    /// endpoint that accepts any, and an action POSTed with no body at all (<c>curl -X POST</c>) is a
    /// call with no arguments, not the fallback's 415. The endpoint judges the media type itself and
    /// answers any other with the same 415 problem.
    /// </summary>
    private static readonly string[] Accepted = ["application/json", "application/*+json", "application/x-www-form-urlencoded", "multipart/form-data", "*/*"];

    /// <summary>
    /// Maps every action in the catalog as <c>POST {ActionsPath}/{actionId}</c>, or
    /// <c>POST {Path}/{opaqueId}</c> with <see cref="ActionDoorOptions.OpaqueIds"/> (one precompiled
    /// endpoint each, carrying its <see cref="HybridOperation"/>, its <see cref="HybridEndpointMetadata"/>
    /// and the operation's own metadata), a catch-all that answers unknown ids with 404 and other
    /// verbs with 405, and the internal document at <c>{DocumentsPath}/actions.json</c>, served
    /// outside Development only to callers who pass the door's policy (see
    /// <see cref="ActionDoorOptions.PublicDocument"/>).
    /// </summary>
    /// <param name="endpoints">The app's endpoint route builder.</param>
    /// <returns>
    /// A builder that applies conventions (authorization, rate limiting, tags) to the actions and the
    /// catch-all, reaches one operation's endpoint with <see cref="HybridEndpointConventionBuilder.ForOperation{TRequest}"/>,
    /// and the document with <see cref="HybridEndpointConventionBuilder.Documents"/>.
    /// </returns>
    public static HybridEndpointConventionBuilder MapHybridActions(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        if (DoorPrerequisites.Read(endpoints, nameof(MapHybridActions), ActionDoor.Instance) is not { } ready)
        {
            return new HybridEndpointConventionBuilder(HybridDoors.Action, [], [], new Dictionary<Type, List<IEndpointConventionBuilder>>(), incomplete: true);
        }

        var (catalog, options, exposed) = ready;
        var door = options.Actions();
        var paths = ActionPaths.For(catalog, door);
        var traits = ActionDoor.Traits(door);
        var formState = FormStateCookie.From(services);
        var group = endpoints.MapGroup(door.Path);
        group.WithMetadata(new ExcludeFromDescriptionAttribute());
        var byOperation = new Dictionary<Type, List<IEndpointConventionBuilder>>();
        var mapped = new List<HybridEndpointMetadata>();
        foreach (var operation in catalog.Operations)
        {
            if (exposed.GetValueOrDefault(operation) is not ActionExposure action)
            {
                continue;
            }

            var hybrid = new HybridEndpointMetadata(operation, traits, HttpMethods.Post, action, action.Id);
            var endpoint = new LazyDoorEndpoint(operation, () => (IDoorEndpoint)Activator.CreateInstance(
                typeof(ActionEndpoint<,>).MakeGenericType(operation.RequestType, operation.ResponseType), hybrid, catalog, services)!);
            var builder = DoorMapping.Map(
                group,
                "/" + paths.Segment(operation),
                endpoint,
                hybrid,
                new AcceptsMetadata(Accepted, operation.RequestType, isOptional: true),
                StreamResponders.Produces(operation, operation.ReturnsNothing ? 204 : 200, jsonLines: false));
            builder.WithMetadata(new ActionRefusalAnswer(formState, action.Id));

            builder.WithDisplayName("Hybrid action " + action.Id);
            byOperation.Add(operation.RequestType, [builder]);
            mapped.Add(hybrid);
        }

        var fallback = new ActionFallback(paths);
        group.Map("/{**path}", (RequestDelegate)fallback.HandleAsync)
            .WithDisplayName("Hybrid actions: unknown id or method")
            .WithOrder(int.MaxValue);

        // The document's check reads the door's conventions, so the door exists before the document is mapped; its builder joins the list below.
        var documentBuilders = new List<IEndpointConventionBuilder>();
        var conventions = new HybridEndpointConventionBuilder(HybridDoors.Action, [group], documentBuilders, byOperation, incomplete: catalog.Errors.Count > 0 || catalog.Doors.Errors.Count > 0);
        var access = new ActionsDocumentAccess(services, door, traits, conventions);
        var document = new DocumentEndpoint(() => ActionsDocumentBuilder.Build(catalog, paths, options, traits, mapped, services), access.Checks ? access.AllowsAsync : null);
        var documentBuilder = endpoints.MapGet(options.DocumentsPath + "/" + ActionsDocumentBuilder.DocumentName + ".json", (RequestDelegate)document.HandleAsync)
            .WithDisplayName("Hybrid actions document")
            .WithMetadata(new ExcludeFromDescriptionAttribute());

        // A policy the app puts on the document authenticates as the door's actions do.
        documentBuilder.Finally(b => DoorSchemes.Apply(b.Metadata, traits));
        documentBuilders.Add(documentBuilder);
        services.GetRequiredService<MappedDoors>().AddCheck(Hybrid.Actions.TagHelpers.UnregisteredTagHelpers.Check);
        services.GetRequiredService<MappedDoors>().AddDocument(new MappedDocument(ActionsDocumentBuilder.DocumentName, IsPublic: false, () => document.Bytes));
        return conventions;
    }
}
