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
    public static string Build(OperationCatalog catalog, HybridOptions options, int version)
    {
        var name = "v" + version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var document = DocumentFactory.Create(options.Title, name, null);
        var schemas = new DocumentSchemas(document, catalog.Json);
        var prefix = options.RestPrefix + "/" + name + "/";
        var routes = catalog.Operations
            .SelectMany(o => o.Routes.Where(r => r.Version == version).Select(r => (Operation: o, Route: r)))
            .OrderBy(p => p.Route.Template, StringComparer.Ordinal)
            .ThenBy(p => p.Route.Method, StringComparer.Ordinal);
        var operationIds = OperationIds(catalog, version);
        foreach (var (operation, route) in routes)
        {
            var binding = RestBinding.For(catalog.ShapeOf(operation), route);
            var described = new OpenApiOperation
            {
                OperationId = operationIds[route],
                Summary = route.Summary,
            };
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
            described.Responses["400"] = schemas.ProblemResponse("The request is invalid; 'errors' lists the fields.");
            described.Responses["403"] = schemas.ProblemResponse("Forbidden.");
            described.Responses["404"] = schemas.ProblemResponse("Not found.");
            described.Responses["409"] = schemas.ProblemResponse("Conflict with the current state.");
            if (!route.BindsQuery)
            {
                described.Responses["413"] = schemas.ProblemResponse("The body is too large.");
                described.Responses["415"] = schemas.ProblemResponse("The body is not JSON.");
            }

            described.Responses["500"] = schemas.ProblemResponse("Unexpected error; the problem carries a trace id only.");

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

    /// <summary>
    /// operationIds unique in the document (generated clients name their methods by them): the request
    /// type's name, numbered from 2 in declaration order when an operation has several routes in the
    /// version or two request types share a name.
    /// </summary>
    private static Dictionary<RestRoute, string> OperationIds(OperationCatalog catalog, int version)
    {
        var ids = new Dictionary<RestRoute, string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in catalog.Operations)
        {
            foreach (var route in operation.Routes.Where(r => r.Version == version))
            {
                var id = operation.RequestType.Name;
                for (var i = 2; !taken.Add(id); i++)
                {
                    id = operation.RequestType.Name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                ids[route] = id;
            }
        }

        return ids;
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
