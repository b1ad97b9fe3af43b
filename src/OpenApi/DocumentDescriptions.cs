using Microsoft.AspNetCore.Http.Metadata;
using NSwag;

namespace Hybrid;

/// <summary>
/// What both documents take from an endpoint's final metadata, so a document says what the
/// endpoint carries: summary, description and tags (from <c>[Tags]</c> or any attribute implementing
/// <c>IEndpointSummaryMetadata</c>/<c>IEndpointDescriptionMetadata</c> on the request type or handler,
/// or conventions such as <c>WithSummary</c>), and the problem responses a door
/// can answer, stated once for both doors.
/// </summary>
internal static class DocumentDescriptions
{
    public static void Describe(OpenApiOperation operation, IReadOnlyList<object> metadata, string? declaredSummary)
    {
        operation.Summary = declaredSummary ?? Last<IEndpointSummaryMetadata>(metadata)?.Summary;
        operation.Description = Last<IEndpointDescriptionMetadata>(metadata)?.Description;
        foreach (var tag in metadata.OfType<ITagsMetadata>().SelectMany(t => t.Tags).Distinct(StringComparer.Ordinal))
        {
            operation.Tags.Add(tag);
        }
    }

    /// <summary>The problem responses of an endpoint: what every door can answer, plus 413/415 when it reads a body.</summary>
    public static void AddProblems(OpenApiOperation operation, DocumentSchemas schemas, string door, bool readsBody)
    {
        operation.Responses["400"] = schemas.ProblemResponse(door == HybridDoors.Action
            ? "The arguments are invalid ('errors' lists the fields), or the antiforgery token is missing."
            : "The request is invalid; 'errors' lists the fields.");
        operation.Responses["403"] = schemas.ProblemResponse(door == HybridDoors.Action ? "Forbidden, or posted from another site." : "Forbidden.");
        operation.Responses["404"] = schemas.ProblemResponse("Not found.");
        operation.Responses["409"] = schemas.ProblemResponse("Conflict with the current state.");
        if (readsBody)
        {
            operation.Responses["413"] = schemas.ProblemResponse("The body is larger than the endpoint accepts.");
            operation.Responses["415"] = schemas.ProblemResponse(door == HybridDoors.Action ? "The arguments are neither JSON nor a form." : "The body is not JSON.");
        }

        operation.Responses["500"] = schemas.ProblemResponse("Unexpected error; the problem carries a trace id only.");
    }

    private static T? Last<T>(IReadOnlyList<object> metadata)
        where T : class => metadata.OfType<T>().LastOrDefault();
}
