using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NSwag;

namespace Hybrid.Actions;

/// <summary>
/// Builds the internal <c>actions</c> document from the catalog: one POST per action, the whole
/// request as the JSON body, <c>operationId</c> = the action id. It holds no REST route.
/// </summary>
internal static class ActionsDocumentBuilder
{
    public const string DocumentName = "actions";

    public static string Build(OperationCatalog catalog, HybridOptions options, IReadOnlyList<IDoorEndpoint> endpoints, IServiceProvider services)
    {
        var header = services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.HeaderName;
        var document = DocumentFactory.Create(
            options.Title + " — actions",
            DocumentName,
            "Internal: the action door, for the app's own UI. Not a public contract; ids and shapes change with the app.");
        if (header is not null)
        {
            document.Components.SecuritySchemes["xsrf"] = new OpenApiSecurityScheme
            {
                Type = OpenApiSecuritySchemeType.ApiKey,
                In = OpenApiSecurityApiKeyLocation.Header,
                Name = header,
                Description = $"The antiforgery request token (the {HybridAntiforgery.CookieName} cookie's value), or the {HybridAntiforgery.FormFieldName} form field.",
            };
            document.Security.Add(new OpenApiSecurityRequirement { ["xsrf"] = [] });
        }

        var schemas = new DocumentSchemas(document, catalog.Json);
        foreach (var endpoint in endpoints.OrderBy(e => e.Operation.ActionId, StringComparer.Ordinal))
        {
            var operation = endpoint.Operation;
            var action = new OpenApiOperation
            {
                OperationId = operation.ActionId,
                RequestBody = new OpenApiRequestBody { IsRequired = true },
            };
            DocumentDescriptions.Describe(action, endpoint.Metadata, operation.Summary);
            action.RequestBody.Content["application/json"] = new OpenApiMediaType { Schema = schemas.For(operation.RequestType, isResponse: false) };
            var status = operation.ReturnsNothing ? 204 : 200;
            action.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = schemas.SuccessResponse(operation.ResponseType, status);
            DocumentDescriptions.AddProblems(action, schemas, HybridDoors.Action, readsBody: true);

            var item = new OpenApiPathItem { [OpenApiOperationMethod.Post] = action };
            document.Paths[options.ActionsPath + "/" + operation.ActionId] = item;
        }

        return DocumentFactory.ToJson(document);
    }
}
