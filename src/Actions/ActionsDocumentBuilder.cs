using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hybrid.Actions;

/// <summary>
/// Builds the internal <c>actions</c> document from the catalog: one POST per action, the whole
/// request as the JSON body (with <c>multipart/form-data</c> beside it when it has file members, or
/// instead of it when a file is required), <c>operationId</c> = the readable action id (so generated clients keep
/// readable method names), the path the one the action is posted to (opaque when ids are); a stream
/// action answers <c>text/event-stream</c> (<see cref="StreamDescription"/>). It holds no REST route.
/// </summary>
internal static class ActionsDocumentBuilder
{
    public const string DocumentName = "actions";

    /// <summary>The tag of an action without <c>[Tags]</c>.</summary>
    private const string FallbackTag = "actions";

    /// <summary>The security scheme of the antiforgery token.</summary>
    private const string XsrfScheme = "xsrf";

    /// <summary>Marks an action no policy checks, for readers that skip <c>security</c>.</summary>
    private const string AnonymousExtension = "x-hybrid-anonymous";

    public static DocumentBytes Build(OperationCatalog catalog, ActionPaths paths, HybridOptions options, DoorTraits door, IReadOnlyList<HybridEndpointMetadata> endpoints, IServiceProvider services)
    {
        var header = services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.HeaderName;
        var store = services.GetRequiredService<EndpointSettingsStore>();
        var ordered = endpoints.Select(store.Of).OrderBy(e => e.Operation.ActionId, StringComparer.Ordinal).ToList();
        var schemas = new DocumentSchemas(catalog.Json, new XmlDocs());
        foreach (var endpoint in ordered)
        {
            var shape = catalog.ShapeOf(endpoint.Operation);
            if (!FileMembers.Any(shape) || schemas.JsonCanCarry(shape.Members))
            {
                schemas.Use(endpoint.Operation.RequestType, response: false, shape);
            }
            else
            {
                // Multipart only: its members are written inline, and a component of the request would be unused.
                foreach (var member in shape.Members)
                {
                    schemas.Use(member.Type, response: false);
                }
            }

            schemas.Use(StreamDescription.ResultOf(endpoint.Operation), response: true);
        }

        schemas.Seal();
        var security = new DocumentSecurity(services, door, ordered, [XsrfScheme]);
        var tags = ordered.ToDictionary(e => e, e => DocumentDescriptions.TagsOf(e.Metadata, FallbackTag));
        using var document = new DocumentJson();
        var writer = document.Writer;
        document.Start(
            options.Title + " — actions",
            DocumentName,
            "Internal: the action door, for the app's own UI. Not a public contract; ids and shapes change with the app.",
            options);
        document.WriteTags(tags.Values.SelectMany(t => t).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(t => (t, t == FallbackTag ? "The app's actions." : $"Actions tagged '{t}'.")));
        writer.WriteStartObject("paths");
        foreach (var endpoint in ordered)
        {
            var operation = endpoint.Operation;
            writer.WriteStartObject(paths.Path(operation));
            writer.WriteStartObject("post");
            DocumentDescriptions.Describe(writer, endpoint.Metadata, (operation.ExposureOn(HybridDoors.Action) as ActionExposure)?.Summary, tags[endpoint], schemas.Docs, operation.RequestType);
            writer.WriteString("operationId", operation.ActionId);
            writer.WriteStartObject("requestBody");
            var requestShape = catalog.ShapeOf(operation);

            // An empty body means no arguments, so an action with no required member is called with none.
            writer.WriteBoolean("required", requestShape.Members.Any(schemas.IsRequired));
            if (FileMembers.Any(requestShape))
            {
                document.WriteFileBody(
                    schemas.JsonCanCarry(requestShape.Members),
                    w => schemas.WriteType(w, operation.RequestType),
                    w => schemas.WriteMultipart(w, requestShape.Members));
            }
            else
            {
                document.WriteJsonContent(w => schemas.WriteType(w, operation.RequestType));
            }

            writer.WriteEndObject();
            writer.WriteStartObject("responses");
            if (operation.ItemType is { } item)
            {
                StreamDescription.WriteSuccess(document, schemas, item, jsonLines: false);
            }
            else
            {
                document.WriteSuccessResponse(schemas, operation.ResponseType, operation.ReturnsNothing ? 204 : 200, []);
            }

            DocumentDescriptions.WriteProblems(document, schemas, ActionProblems.For(endpoint));
            writer.WriteEndObject();
            if (operation.ItemType is { } streamed && endpoint.Stream is { } stream)
            {
                StreamDescription.WriteExtension(writer, schemas, streamed, stream, options.Streams);
            }

            // Only the actions that check a token say so; the others are guarded by the origin check alone.
            IReadOnlyList<string> token = header is not null && endpoint.RequiresAntiforgeryToken ? [XsrfScheme] : [];
            if (security.Of(endpoint) is { } schemes)
            {
                DocumentSecurity.WriteRequirements(writer, schemes, token, empty: false);
            }
            else
            {
                // No policy checks it: OpenAPI's empty requirement means no authentication.
                DocumentSecurity.WriteRequirements(writer, [], token, empty: true);
                writer.WriteBoolean(AnonymousExtension, true);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("components");
        schemas.WriteComponents(writer);
        var xsrf = header is not null && ordered.Any(e => e.RequiresAntiforgeryToken);
        if (xsrf || security.HasSchemes)
        {
            writer.WriteStartObject("securitySchemes");
            security.WriteSchemes(writer);
            if (xsrf)
            {
                writer.WriteStartObject(XsrfScheme);
                writer.WriteString("type", "apiKey");
                writer.WriteString("description", $"The antiforgery request token (the {HybridAntiforgery.CookieName} cookie's value), or the {HybridAntiforgery.FormFieldName} form field.");
                writer.WriteString("name", header);
                writer.WriteString("in", "header");
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        return document.WriteEnd();
    }
}
