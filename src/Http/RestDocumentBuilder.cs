using NJsonSchema;
using NSwag;

namespace Hybrid.Http;

/// <summary>
/// Builds the public document of one API version from the catalog, describing exactly what the
/// binder reads: path parameters, query parameters (GET/DELETE), the body without route-bound
/// members, and every response. It holds no action.
/// </summary>
internal static class RestDocumentBuilder
{
    public static string Build(OperationCatalog catalog, HybridOptions options, int version, IReadOnlyList<(IDoorEndpoint Endpoint, RestRoute Route)> endpoints)
    {
        var name = RestRoute.DocumentNameOf(version);
        var document = DocumentFactory.Create(options.Title, name, null);
        var schemas = new DocumentSchemas(document, catalog.Json);
        var prefix = options.RestPrefix + "/" + name + "/";
        var routes = endpoints
            .Where(p => p.Route.Version == version)
            .OrderBy(p => p.Route.Template, StringComparer.Ordinal)
            .ThenBy(p => p.Route.Method, StringComparer.Ordinal);
        foreach (var (endpoint, route) in routes)
        {
            var operation = endpoint.Operation;
            var binding = RestBinding.For(catalog.ShapeOf(operation), route);
            var described = new OpenApiOperation { OperationId = route.OperationId };
            DocumentDescriptions.Describe(described, endpoint.Metadata, route.Summary);
            foreach (var (routeName, member) in binding.Route)
            {
                described.Parameters.Add(new OpenApiParameter
                {
                    Name = routeName,
                    Kind = OpenApiParameterKind.Path,
                    IsRequired = true,
                    Schema = schemas.ForParameter(member.Property),
                });
            }

            foreach (var member in binding.Query)
            {
                var required = IsRequired(member.Property);
                described.Parameters.Add(new OpenApiParameter
                {
                    Name = member.JsonName,
                    Kind = OpenApiParameterKind.Query,
                    IsRequired = required,
                    Schema = schemas.ForParameter(member.Property),
                });
            }

            if (!route.BindsQuery)
            {
                described.RequestBody = new OpenApiRequestBody { IsRequired = binding.Body.Count > 0 };
                described.RequestBody.Content["application/json"] = new OpenApiMediaType { Schema = BodySchema(schemas, operation, binding) };
            }

            var status = route.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var success = schemas.SuccessResponse(operation.ResponseType, route.StatusCode);
            if (route.Location is not null)
            {
                success.Headers["Location"] = new OpenApiHeader { Description = "The created resource.", Schema = new JsonSchema { Type = JsonObjectType.String } };
            }

            described.Responses[status] = success;
            DocumentDescriptions.AddProblems(described, schemas, HybridDoors.Rest, readsBody: !route.BindsQuery);

            var path = prefix + route.Template;
            if (!document.Paths.TryGetValue(path, out var item))
            {
                item = new OpenApiPathItem();
                document.Paths[path] = item;
            }

            item[route.Method.ToLowerInvariant()] = described;
        }

        return DocumentFactory.ToJson(document);
    }

    private static bool IsRequired(System.Reflection.PropertyInfo property) =>
        property.IsDefined(typeof(System.ComponentModel.DataAnnotations.RequiredAttribute), inherit: true) ||
        property.IsDefined(typeof(System.Text.Json.Serialization.JsonRequiredAttribute), inherit: true) ||
        property.IsDefined(typeof(System.Runtime.CompilerServices.RequiredMemberAttribute), inherit: true);

    /// <summary>
    /// The whole request type when nothing is route-bound; otherwise a <c>{Type}Body</c> component
    /// holding only the members the body really sets.
    /// </summary>
    private static JsonSchema BodySchema(DocumentSchemas schemas, HybridOperation operation, RestBinding binding)
    {
        if (binding.Route.Count == 0)
        {
            return schemas.For(operation.RequestType, isResponse: false);
        }

        var body = new JsonSchema { Type = JsonObjectType.Object, AllowAdditionalProperties = false };
        foreach (var member in binding.Body)
        {
            var property = schemas.ForProperty(member.Property);
            property.IsRequired = IsRequired(member.Property);
            body.Properties[member.JsonName] = property;
        }

        return schemas.AddComponent(operation.RequestType.Name + "Body", body);
    }
}
