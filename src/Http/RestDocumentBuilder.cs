using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Http;

/// <summary>
/// Builds the public document of one API version from the catalog, describing exactly what the
/// binder reads: path parameters, query parameters (GET/DELETE; collections as repeated
/// parameters), header parameters (<c>[FromHeader]</c>, and the headers it reads and answers with:
/// <see cref="RestHeaders"/>), the body without route- or header-bound members (with a
/// <c>multipart/form-data</c> body listing them inline beside the JSON one, which leaves the files
/// out, when it has file members; multipart alone when a file is required), and exactly the problems it can answer
/// (<see cref="RestProblems"/>); a stream route answers <c>text/event-stream</c> and <c>application/jsonl</c>
/// (<see cref="StreamDescription"/>). It holds no action.
/// </summary>
internal static class RestDocumentBuilder
{
    public static DocumentBytes Build(OperationCatalog catalog, HybridOptions options, string prefix, DoorTraits door, int version, IReadOnlyList<HybridEndpointMetadata> endpoints, IServiceProvider services)
    {
        var name = RestRoute.DocumentNameOf(version);
        var store = services.GetRequiredService<EndpointSettingsStore>();
        var routes = endpoints
            .Where(p => p.Route!.Version == version)
            .Select(store.Of)
            .OrderBy(p => p.Route!.Template, StringComparer.Ordinal)
            .ThenBy(p => p.Route!.Method, StringComparer.Ordinal)
            .Select(p => (Endpoint: p, Route: p.Route!, Binding: RestBinding.For(catalog.ShapeOf(p.Operation), p.Route!)))
            .ToList();
        var schemas = new DocumentSchemas(catalog.Json, new XmlDocs());
        foreach (var (endpoint, route, binding) in routes)
        {
            var operation = endpoint.Operation;
            if (!route.BindsQuery && binding.Route.Count + binding.Header.Count == 0 && schemas.JsonCanCarry(binding.Body))
            {
                schemas.Use(operation.RequestType, response: false, catalog.ShapeOf(operation));
            }
            else
            {
                foreach (var member in binding.Route.Select(r => r.Member).Concat(binding.Query).Concat(binding.Body).Concat(binding.Header.Select(h => h.Member)))
                {
                    schemas.Use(member.Type, response: false);
                }
            }

            schemas.Use(StreamDescription.ResultOf(operation), response: true);
        }

        schemas.Seal();
        var security = new DocumentSecurity(services, door, routes.Select(r => r.Endpoint), []);
        var tags = routes.ToDictionary(r => r.Route, r => DocumentDescriptions.TagsOf(r.Endpoint.Metadata, FirstLiteralSegment(r.Route)));
        using var document = new DocumentJson();
        var writer = document.Writer;
        document.Start(options.Title, name, options.Description, options);
        document.WriteTags(tags.Values.SelectMany(t => t).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(t => (t, $"Operations tagged '{t}'.")));
        writer.WriteStartObject("paths");
        var pathPrefix = prefix + "/" + name + "/";
        var paths = new DocumentPaths(routes.Select(r => r.Route));
        foreach (var path in routes.GroupBy(r => pathPrefix + paths.PathOf(r.Route), StringComparer.Ordinal))
        {
            writer.WriteStartObject(path.Key);
            foreach (var (endpoint, route, binding) in path)
            {
                writer.WriteStartObject(route.Method.ToLowerInvariant());
                WriteOperation(document, schemas, security, catalog, endpoint, route, binding, tags[route], paths, options.Streams);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("components");
        schemas.WriteComponents(writer);
        if (security.HasSchemes)
        {
            writer.WriteStartObject("securitySchemes");
            security.WriteSchemes(writer);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        return document.WriteEnd();
    }

    private static void WriteOperation(DocumentJson document, DocumentSchemas schemas, DocumentSecurity security, OperationCatalog catalog, EndpointSettings endpoint, RestRoute route, RestBinding binding, IReadOnlyList<string> tags, DocumentPaths paths, HybridStreamOptions streams)
    {
        var writer = document.Writer;
        var operation = endpoint.Operation;
        var idempotent = endpoint.Idempotent;
        var ifMatch = ResourceVersions.SupportsIfMatch(catalog, route);
        DocumentDescriptions.Describe(writer, endpoint.Metadata, route.Summary, tags, schemas.Docs, operation.RequestType);
        writer.WriteString("operationId", route.OperationId);
        if (endpoint.Deprecation is not null)
        {
            writer.WriteBoolean("deprecated", true);
        }

        var headers = RestHeaders.Parameters(route, idempotent, ifMatch, operation.IsStream);
        if (binding.Route.Count + binding.Query.Count + binding.Header.Count + headers.Count > 0)
        {
            writer.WriteStartArray("parameters");
            for (var i = 0; i < binding.Route.Count; i++)
            {
                WriteParameter(writer, schemas, paths.NameOf(route, i), "path", required: true, binding.Route[i].Member);
            }

            foreach (var member in binding.Query)
            {
                WriteParameter(writer, schemas, member.JsonName, "query", schemas.IsRequired(member), member);
            }

            foreach (var (headerName, member) in binding.Header)
            {
                WriteParameter(writer, schemas, headerName, "header", schemas.IsRequired(member), member);
            }

            foreach (var header in headers)
            {
                RestHeaders.WriteParameter(writer, header);
            }

            writer.WriteEndArray();
        }

        if (!route.BindsQuery)
        {
            writer.WriteStartObject("requestBody");
            if (binding.Body.Count > 0)
            {
                writer.WriteBoolean("required", true);
            }

            if (binding.Body.Any(m => FileMembers.KindOf(m.Type) != FileKind.None))
            {
                document.WriteFileBody(
                    schemas.JsonCanCarry(binding.Body),
                    w => WriteBody(w, schemas, operation, binding),
                    w => schemas.WriteMultipart(w, binding.Body));
            }
            else
            {
                document.WriteJsonContent(w => WriteBody(w, schemas, operation, binding));
            }

            writer.WriteEndObject();
        }

        writer.WriteStartObject("responses");
        if (operation.ItemType is { } item)
        {
            // A stream is never whole, so it has no ETag to answer 304 by.
            StreamDescription.WriteSuccess(document, schemas, item, jsonLines: true);
        }
        else
        {
            document.WriteSuccessResponse(schemas, operation.ResponseType, route.StatusCode, RestHeaders.OfSuccess(route));
            if (route.Method == "GET")
            {
                RestHeaders.WriteNotModified(document);
            }
        }

        DocumentDescriptions.WriteProblems(document, schemas, RestProblems.For(endpoint, binding, ifMatch));
        writer.WriteEndObject();
        if (operation.ItemType is { } streamed && endpoint.Stream is { } stream)
        {
            StreamDescription.WriteExtension(writer, schemas, streamed, stream, streams);
        }

        if (security.Of(endpoint) is { } schemes)
        {
            DocumentSecurity.WriteRequirements(writer, schemes, [], empty: false);
        }
    }

    /// <summary>The tag a route gets without <c>[Tags]</c>: its template's first literal segment (<c>posts</c>).</summary>
    private static string? FirstLiteralSegment(RestRoute route) =>
        route.Template.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(s => !s.Contains('{', StringComparison.Ordinal));

    private static void WriteParameter(Utf8JsonWriter writer, DocumentSchemas schemas, string name, string location, bool required, RequestMember member)
    {
        writer.WriteStartObject();
        writer.WriteString("name", name);
        writer.WriteString("in", location);
        DocumentSchemas.WriteDescription(writer, schemas.DescriptionOf(member));
        if (required)
        {
            writer.WriteBoolean("required", true);
        }

        // A collection is the parameter repeated (tag=a&tag=b), never a comma list.
        if (location == "query" && SimpleTypes.ElementOf(member.Type) is not null)
        {
            writer.WriteString("style", "form");
            writer.WriteBoolean("explode", true);
        }

        writer.WritePropertyName("schema");
        schemas.WriteMember(writer, member, withDescription: false);
        writer.WriteEndObject();
    }

    /// <summary>
    /// The whole request type when nothing is route- or header-bound; otherwise a <c>{Type}Body</c> component
    /// holding only the members the body really sets.
    /// </summary>
    private static void WriteBody(Utf8JsonWriter writer, DocumentSchemas schemas, HybridOperation operation, RestBinding binding)
    {
        if (binding.Route.Count + binding.Header.Count == 0)
        {
            schemas.WriteType(writer, operation.RequestType);
            return;
        }

        var component = schemas.AddComponent(operation.RequestType.Name + "Body", w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "object");
            w.WriteBoolean("additionalProperties", false);
            var members = binding.Body.Where(m => FileMembers.KindOf(m.Type) == FileKind.None).ToList();
            var required = members.Where(schemas.IsRequired).ToList();
            if (required.Count > 0)
            {
                w.WriteStartArray("required");
                foreach (var member in required)
                {
                    w.WriteStringValue(member.JsonName);
                }

                w.WriteEndArray();
            }

            w.WriteStartObject("properties");
            foreach (var member in members)
            {
                w.WritePropertyName(member.JsonName);
                schemas.WriteMember(w, member);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        });
        DocumentSchemas.WriteReference(writer, component);
    }
}
