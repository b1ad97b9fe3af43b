using Microsoft.AspNetCore.Http;

namespace Hybrid.Http;

/// <summary>
/// The media type of a REST body: JSON, or multipart for a request type with <see cref="HybridFile"/>
/// members; anything else is 415. Any declared media type is checked, an empty body's too: a
/// cross-site HTML form with no fields must not get through.
/// </summary>
/// <param name="takesFiles">Whether the request type has file members, so a multipart form is read.</param>
internal sealed class RestMediaType(bool takesFiles) : IRequestFilter
{
    public PipelineStage Stage => PipelineStage.MediaType;

    public ValueTask<FilterDecision> OnRequestAsync(HybridFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (request.ContentType is null && !BodyDetection.HasBody(request))
        {
            return new(FilterDecision.Continue);
        }

        if (takesFiles && IsMultipart(request))
        {
            return new(FilterDecision.ContinueAs(InputKind.Form));
        }

        if (!request.HasJsonContentType())
        {
            return new(FilterDecision.Refuse(OperationProblem.UnsupportedMediaType(takesFiles
                ? "Send the body as multipart/form-data (or application/json, which carries no file)."
                : "Send the body as application/json.")));
        }

        return new(FilterDecision.ContinueAs(BodyDetection.HasBody(request) ? InputKind.Json : InputKind.None));
    }

    private static bool IsMultipart(HttpRequest request) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type) &&
        type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);
}
