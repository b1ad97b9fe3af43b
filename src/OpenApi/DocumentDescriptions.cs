using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;

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
    /// <summary>Writes <c>tags</c>, <c>summary</c> and <c>description</c> of an operation when it has them.</summary>
    public static void Describe(Utf8JsonWriter writer, IReadOnlyList<object> metadata, string? declaredSummary)
    {
        var tags = metadata.OfType<ITagsMetadata>().SelectMany(t => t.Tags).Distinct(StringComparer.Ordinal).ToList();
        if (tags.Count > 0)
        {
            writer.WriteStartArray("tags");
            foreach (var tag in tags)
            {
                writer.WriteStringValue(tag);
            }

            writer.WriteEndArray();
        }

        if ((declaredSummary ?? Last<IEndpointSummaryMetadata>(metadata)?.Summary) is { } summary)
        {
            writer.WriteString("summary", summary);
        }

        if (Last<IEndpointDescriptionMetadata>(metadata)?.Description is { } description)
        {
            writer.WriteString("description", description);
        }
    }

    /// <summary>The problem responses of an endpoint: what every door can answer, plus 413/415 when it reads a body.</summary>
    public static void WriteProblems(DocumentJson document, string door, bool readsBody)
    {
        document.WriteProblemResponse("400", door == HybridDoors.Action
            ? "The arguments are invalid ('errors' lists the fields), or the antiforgery token is missing."
            : "The request is invalid; 'errors' lists the fields.");
        document.WriteProblemResponse("403", door == HybridDoors.Action ? "Forbidden, or posted from another site." : "Forbidden.");
        document.WriteProblemResponse("404", "Not found.");
        document.WriteProblemResponse("409", "Conflict with the current state.");
        if (readsBody)
        {
            document.WriteProblemResponse("413", "The body is larger than the endpoint accepts.");
            document.WriteProblemResponse("415", door == HybridDoors.Action ? "The arguments are neither JSON nor a form." : "The body is not JSON.");
        }

        document.WriteProblemResponse("500", "Unexpected error; the problem carries a trace id only.");
    }

    private static T? Last<T>(IReadOnlyList<object> metadata)
        where T : class => metadata.OfType<T>().LastOrDefault();
}
