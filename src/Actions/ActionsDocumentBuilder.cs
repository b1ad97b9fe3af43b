using NJsonSchema;
using NSwag;

namespace Hybrid.Actions;

/// <summary>
/// Builds the internal <c>actions</c> document from the catalog: one POST per action, the whole
/// request as the JSON body, <c>operationId</c> = the action id. It holds no REST route.
/// </summary>
internal static class ActionsDocumentBuilder
{
    public const string DocumentName = "actions";

    public static string Build(OperationCatalog catalog, HybridOptions options)
    {
        var document = DocumentFactory.Create(
            options.Title + " — actions",
            DocumentName,
            "Internal: the action door, for the app's own UI. Not a public contract; ids and shapes change with the app.");
        document.Components.SecuritySchemes["xsrf"] = new OpenApiSecurityScheme
        {
            Type = OpenApiSecuritySchemeType.ApiKey,
            In = OpenApiSecurityApiKeyLocation.Header,
            Name = HybridServiceCollectionExtensions.XsrfHeaderName,
            Description = "The value of the XSRF-TOKEN cookie (or the __RequestVerificationToken form field).",
        };
        document.Security.Add(new OpenApiSecurityRequirement { ["xsrf"] = [] });

        var schemas = new DocumentSchemas(document, catalog.Json);
        foreach (var operation in catalog.Operations.Where(o => o.ActionId is not null).OrderBy(o => o.ActionId, StringComparer.Ordinal))
        {
            var action = new OpenApiOperation
            {
                OperationId = operation.ActionId,
                Summary = operation.Summary,
                RequestBody = new OpenApiRequestBody { IsRequired = true },
            };
            action.RequestBody.Content["application/json"] = new OpenApiMediaType { Schema = schemas.For(operation.RequestType, isResponse: false) };
            var status = operation.ReturnsNothing ? "204" : "200";
            action.Responses[status] = schemas.SuccessResponse(operation.ResponseType, operation.ReturnsNothing ? 204 : 200);
            action.Responses["400"] = schemas.ProblemResponse("The arguments are invalid, or the antiforgery token is missing.");
            action.Responses["403"] = schemas.ProblemResponse("Forbidden, or posted from another site.");
            action.Responses["404"] = schemas.ProblemResponse("Not found.");
            action.Responses["409"] = schemas.ProblemResponse("Conflict with the current state.");
            action.Responses["413"] = schemas.ProblemResponse("The arguments are larger than actions accept.");
            action.Responses["415"] = schemas.ProblemResponse("The arguments are neither JSON nor a form.");
            action.Responses["500"] = schemas.ProblemResponse("Unexpected error; the problem carries a trace id only.");

            var item = new OpenApiPathItem { [OpenApiOperationMethod.Post] = action };
            document.Paths[options.ActionsPath + "/" + operation.ActionId] = item;
        }

        return DocumentFactory.ToJson(document);
    }
}
