using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;

namespace Hybrid;

/// <summary>
/// What both documents take from an endpoint's final metadata, so a document says what the
/// endpoint carries: summary, description and tags (from <c>[Tags]</c> or any attribute implementing
/// <c>IEndpointSummaryMetadata</c>/<c>IEndpointDescriptionMetadata</c> on the request type or handler,
/// or conventions such as <c>WithSummary</c>; else from the request type's XML documentation), and
/// the problem responses of an operation, each narrowed to its codes.
/// </summary>
internal static class DocumentDescriptions
{
    /// <summary>The operation's tags: those of its <c>[Tags]</c> metadata, else <paramref name="fallback"/>.</summary>
    public static IReadOnlyList<string> TagsOf(IReadOnlyList<object> metadata, string? fallback)
    {
        var tags = metadata.OfType<ITagsMetadata>().SelectMany(t => t.Tags).Distinct(StringComparer.Ordinal).ToList();
        if (tags.Count == 0 && !string.IsNullOrEmpty(fallback))
        {
            tags.Add(fallback);
        }

        return tags;
    }

    /// <summary>
    /// Writes <c>tags</c>, <c>summary</c> and <c>description</c> of an operation when it has them; the
    /// description is the endpoint's own, else the request type's XML summary and remarks.
    /// </summary>
    public static void Describe(Utf8JsonWriter writer, IReadOnlyList<object> metadata, string? declaredSummary, IReadOnlyList<string> tags, XmlDocs docs, Type requestType)
    {
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

        if ((Last<IEndpointDescriptionMetadata>(metadata)?.Description ?? DocumentationOf(docs, requestType)) is { } description)
        {
            writer.WriteString("description", description);
        }
    }

    /// <summary>
    /// Writes each problem response, its schema a component that narrows <c>code</c> to the codes of
    /// that status, named after them (<c>post_not_found</c> gives <c>PostNotFoundProblem</c>, several
    /// codes are joined with <c>Or</c>) and shared by every response of the document with the same codes,
    /// so a client declares each problem type once; a 429 and a 503 also state <c>Retry-After</c>.
    /// </summary>
    public static void WriteProblems(DocumentJson document, DocumentSchemas schemas, OperationProblems problems)
    {
        foreach (var (status, codes, description) in problems.Responses)
        {
            var component = schemas.SharedComponent(
                string.Join("Or", codes.Select(ComponentPrefix)) + "Problem",
                string.Join(' ', codes),
                w => ProblemSchema.WriteNarrowed(w, codes));
            document.WriteProblemResponse(status.ToString(CultureInfo.InvariantCulture), description, component, withRetryAfter: status is 429 or 503);
        }
    }

    private static string? DocumentationOf(XmlDocs docs, Type type)
    {
        var summary = docs.Of(type);
        var remarks = docs.RemarksOf(type);
        return summary is null ? remarks : remarks is null ? summary : summary + "\n\n" + remarks;
    }

    /// <summary>Letters and digits only, each run after another character capitalized: component names allow no '/' or spaces.</summary>
    private static string ComponentPrefix(string id)
    {
        var name = new StringBuilder(id.Length);
        var upper = true;
        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            name.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return name.ToString();
    }

    private static T? Last<T>(IReadOnlyList<object> metadata)
        where T : class => metadata.OfType<T>().LastOrDefault();
}
